package dev.vigil.storage;

import java.time.Duration;

/** The backend is shedding load; the client should retry after {@link #retryAfter()}. */
public final class OverCapacityException extends RuntimeException {
  private final Duration retryAfter;

  public OverCapacityException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
