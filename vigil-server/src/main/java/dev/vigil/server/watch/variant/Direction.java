package dev.vigil.server.watch.variant;

/** Which way a metric is better: decides whether a significant difference favours a or b. */
public enum Direction {
  LOWER_IS_BETTER, HIGHER_IS_BETTER;

  Outcome judge(double a, double b, double pValue) {
    if (!(pValue < Comparison.ALPHA) || a == b) return Outcome.NO_SIGNIFICANT_DIFFERENCE;
    boolean bHigher = b > a;
    return bHigher == (this == HIGHER_IS_BETTER) ? Outcome.B_BETTER : Outcome.A_BETTER;
  }
}
