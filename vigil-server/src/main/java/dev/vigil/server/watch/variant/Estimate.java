package dev.vigil.server.watch.variant;

/** One variant's value of a metric with its 95 % confidence interval (null bounds: no data). */
public record Estimate(long n, Double value, Double lower, Double upper) {
  static Estimate none(long n) {
    return new Estimate(n, null, null, null);
  }
}
