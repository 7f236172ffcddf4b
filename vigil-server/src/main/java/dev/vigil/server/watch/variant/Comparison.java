package dev.vigil.server.watch.variant;

/**
 * Variant a against variant b on one metric: each side's estimate with its 95 % interval, the
 * difference b − a with its 95 % interval, the test's p-value and the verdict. {@code kind} is
 * {@code proportion} (Wilson intervals, Newcombe's interval for the difference, chi-squared or
 * Fisher's exact test) or {@code mean} (t intervals, Welch's test).
 */
public record Comparison(
    String metric,
    String kind,
    Direction direction,
    Estimate a,
    Estimate b,
    Double difference,
    Double differenceLower,
    Double differenceUpper,
    String test,
    Double pValue,
    Outcome verdict) {

  public static final double ALPHA = 0.05;
  /** Fewer observations than this on either side: no verdict. */
  public static final int MIN_SAMPLES = 30;

  static Comparison insufficient(String metric, String kind, Direction dir, Estimate a, Estimate b) {
    return new Comparison(metric, kind, dir, a, b, null, null, null, null, null, Outcome.INSUFFICIENT_DATA);
  }
}
