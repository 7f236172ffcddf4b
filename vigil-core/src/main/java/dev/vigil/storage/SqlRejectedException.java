package dev.vigil.storage;

/** A SQL console query that is not allowed, does not parse, fails or runs out of time. */
public final class SqlRejectedException extends RuntimeException {
  public SqlRejectedException(String message) {
    super(message);
  }
}
