package dev.vigil.server.http;

/** An HTTP error with a message for the caller; thrown by handlers, rendered by {@link Errors}. */
final class ApiError extends RuntimeException {
  final int status;
  final String retryAfterSeconds;

  ApiError(int status, String message) {
    this(status, message, null);
  }

  ApiError(int status, String message, String retryAfterSeconds) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
