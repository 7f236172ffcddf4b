package dev.vigil.model;

import java.util.Objects;

/**
 * A project's own price for models whose name matches {@code modelPattern} (a Java regex, matched
 * case-insensitively against the whole model name). Prices are USD per one million tokens; a null
 * cache or reasoning price falls back to the input or output price.
 */
public record PriceOverride(
    String modelPattern,
    String provider,
    double inputPerMillion,
    double outputPerMillion,
    Double cacheReadPerMillion,
    Double cacheWritePerMillion,
    Double reasoningPerMillion) {

  public PriceOverride {
    Objects.requireNonNull(modelPattern, "modelPattern == null");
    if (inputPerMillion < 0 || outputPerMillion < 0) {
      throw new IllegalArgumentException("prices must not be negative");
    }
  }
}
