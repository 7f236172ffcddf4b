package dev.vigil.server.scoring.judge;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A judge endpoint answered with an error status. LangChain4j's own HttpException has no headers;
 * this one keeps the provider's Retry-After so the pipeline can wait as long as it asks.
 */
final class ProviderHttpException extends HttpException {
  private final transient Duration retryAfter;

  ProviderHttpException(int statusCode, String message, Duration retryAfter) {
    super(statusCode, message);
    this.retryAfter = retryAfter;
  }

  /** Null when the provider gave none (or one that could not be read). */
  Duration retryAfter() {
    return retryAfter;
  }
}
