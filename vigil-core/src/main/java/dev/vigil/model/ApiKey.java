package dev.vigil.model;

import java.time.Instant;

/**
 * An API key's record. The secret itself is shown once at creation and stored only as a hash;
 * {@code prefix} (the first characters) lets a person tell keys apart.
 */
public record ApiKey(
    String id,
    long projectId,
    String name,
    String prefix,
    Instant createdAt,
    Instant revokedAt,
    Instant lastUsedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
