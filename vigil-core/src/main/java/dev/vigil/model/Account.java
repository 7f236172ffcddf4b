package dev.vigil.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the web UI. {@code passwordHash} is a self-describing PBKDF2 string
 * (algorithm, cost, salt, hash), never the password.
 */
public record Account(String username, String passwordHash, Instant createdAt, Instant passwordChangedAt) {
  public Account {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(passwordHash, "passwordHash == null");
  }
}
