package dev.vigil.server.scoring.eval;

import java.time.Duration;

/**
 * A failure that says when trying again makes sense: a provider's 429 or 503 with Retry-After. The
 * pipeline fails the evaluation as usual and schedules its retry no sooner than {@link #retryAfter()}
 * (and no sooner than its own backoff). Null: no hint, the backoff alone decides.
 */
public final class RetryLaterException extends Exception {
  private final transient Duration retryAfter;

  public RetryLaterException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
