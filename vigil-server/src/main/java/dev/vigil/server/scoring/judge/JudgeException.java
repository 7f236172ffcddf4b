package dev.vigil.server.scoring.judge;

/** A judge call or reply that cannot be used; the message names the judge and what went wrong. */
final class JudgeException extends Exception {
  JudgeException(String message, Throwable cause) {
    super(message, cause);
  }

  JudgeException(String message) {
    super(message);
  }
}
