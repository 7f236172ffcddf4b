package dev.vigil.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser. Stored under the SHA-256 of its cookie token, so a copy of the database
 * cannot be replayed as a cookie; {@code csrfToken} must accompany every state-changing request.
 */
public record LoginSession(String tokenHash, String username, String csrfToken, Instant createdAt,
    Instant lastSeenAt, Instant expiresAt) {
  public LoginSession {
    Objects.requireNonNull(tokenHash, "tokenHash == null");
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(csrfToken, "csrfToken == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
  }

  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
