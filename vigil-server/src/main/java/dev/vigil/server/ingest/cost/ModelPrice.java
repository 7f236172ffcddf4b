package dev.vigil.server.ingest.cost;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One model's list prices in USD per 1M tokens, as shipped in {@code model-prices.json}. A null cache
 * or reasoning price means the provider bills those tokens at the plain input or output price.
 * {@code tiers} are sorted by threshold, lowest first.
 */
public record ModelPrice(
    String model,
    String provider,
    double input,
    double output,
    Double cacheRead,
    Double cacheWrite,
    Double reasoning,
    List<PriceTier> tiers) {

  public ModelPrice {
    Objects.requireNonNull(model, "model == null");
    Objects.requireNonNull(provider, "provider == null");
    requirePrices(input, output, cacheRead, cacheWrite, reasoning);
    tiers = tiers == null ? List.of()
        : tiers.stream().sorted(Comparator.comparingLong(PriceTier::aboveInputTokens)).toList();
  }

  /** The prices for a call with this many input tokens: the highest tier it exceeds, else the base. */
  Rates ratesFor(long inputTokens) {
    for (int i = tiers.size() - 1; i >= 0; i--) {
      PriceTier tier = tiers.get(i);
      if (inputTokens > tier.aboveInputTokens()) return tier.rates();
    }
    return new Rates(input, output, cacheRead, cacheWrite, reasoning);
  }

  static void requirePrices(double input, double output, Double... optional) {
    require(input);
    require(output);
    for (Double price : optional) {
      if (price != null) require(price);
    }
  }

  private static void require(double price) {
    if (!(price >= 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be a finite, non-negative number, got " + price);
    }
  }
}
