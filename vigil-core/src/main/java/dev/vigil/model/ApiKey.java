package dev.vigil.model;

import java.time.Instant;

/**
 * An API key's record. The secret itself is shown once at creation and stored only as a hash;
 * {@code prefix} (the first characters) lets a person tell keys apart. An {@code admin} key may also
 * create projects; every key reads and writes only its own project's data.
 */
public record ApiKey(
    String id,
    long projectId,
    String name,
    String prefix,
    boolean admin,
    Instant createdAt,
    Instant revokedAt,
    Instant lastUsedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
