package dev.vigil.server.ingest.cost;

/**
 * Prices (USD per 1M tokens) that replace a model's base prices when a call's input tokens, cache
 * reads and writes included, exceed {@code aboveInputTokens} — e.g. long-context pricing above 200k.
 */
public record PriceTier(
    long aboveInputTokens,
    double input,
    double output,
    Double cacheRead,
    Double cacheWrite,
    Double reasoning) {

  public PriceTier {
    if (aboveInputTokens < 0) throw new IllegalArgumentException("aboveInputTokens must not be negative");
    ModelPrice.requirePrices(input, output, cacheRead, cacheWrite, reasoning);
  }

  Rates rates() {
    return new Rates(input, output, cacheRead, cacheWrite, reasoning);
  }
}
