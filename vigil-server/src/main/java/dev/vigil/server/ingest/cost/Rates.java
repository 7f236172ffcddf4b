package dev.vigil.server.ingest.cost;

import dev.vigil.model.PriceOverride;

/**
 * The USD-per-1M-token prices that apply to one call: a table entry's base prices, one of its tiers,
 * or a project override. A missing cache price falls back to the input price, a missing reasoning
 * price to the output price.
 */
record Rates(double input, double output, Double cacheRead, Double cacheWrite, Double reasoning) {

  static Rates of(PriceOverride o) {
    return new Rates(o.inputPerMillion(), o.outputPerMillion(), o.cacheReadPerMillion(),
        o.cacheWritePerMillion(), o.reasoningPerMillion());
  }

  double cacheReadOrInput() {
    return cacheRead != null ? cacheRead : input;
  }

  double cacheWriteOrInput() {
    return cacheWrite != null ? cacheWrite : input;
  }

  double reasoningOrOutput() {
    return reasoning != null ? reasoning : output;
  }
}
