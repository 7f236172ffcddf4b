package dev.vigil.server.watch.variant;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Rates (error rate, refusal rate, score pass rate) of two variants. Intervals are Wilson score
 * intervals, which stay inside [0, 1] and behave at rates near 0 (errors); the difference gets
 * Newcombe's hybrid score interval built from them. The p-value comes from the chi-squared test of
 * the 2 × 2 table, or Fisher's exact test when an expected cell count is below 5.
 */
public final class Proportions {
  static final double Z = NormalDistribution.of(0, 1).inverseSurvivalProbability(Comparison.ALPHA / 2);

  private Proportions() {}

  public static Comparison compare(String metric, Direction dir, long aHits, long aN, long bHits, long bN) {
    Estimate a = wilson(aHits, aN);
    Estimate b = wilson(bHits, bN);
    if (aN < Comparison.MIN_SAMPLES || bN < Comparison.MIN_SAMPLES) {
      return Comparison.insufficient(metric, "proportion", dir, a, b);
    }
    double d = b.value() - a.value();
    double lo = d - Math.sqrt(sq(b.value() - b.lower()) + sq(a.upper() - a.value()));
    double hi = d + Math.sqrt(sq(b.upper() - b.value()) + sq(a.value() - a.lower()));
    long hits = aHits + bHits;
    long misses = aN + bN - hits;
    String test;
    double p;
    if (hits == 0 || misses == 0) {
      test = "none"; // every observation the same: no difference to test
      p = 1;
    } else if (minExpected(aN, bN, hits, misses) < 5) {
      test = "fisher_exact";
      p = FisherExactTest.withDefaults().test(new int[][] {
          {Math.toIntExact(aHits), Math.toIntExact(aN - aHits)},
          {Math.toIntExact(bHits), Math.toIntExact(bN - bHits)}}).getPValue();
    } else {
      test = "chi_squared";
      p = ChiSquareTest.withDefaults().test(new long[][] {{aHits, aN - aHits}, {bHits, bN - bHits}}).getPValue();
    }
    return new Comparison(metric, "proportion", dir, a, b, d, lo, hi, test, p, dir.judge(a.value(), b.value(), p));
  }

  /** Wilson score interval at 95 %. */
  static Estimate wilson(long hits, long n) {
    if (n == 0) return Estimate.none(0);
    double p = (double) hits / n;
    double z2 = Z * Z;
    double denom = 1 + z2 / n;
    double center = (p + z2 / (2 * n)) / denom;
    double half = Z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Estimate(n, p, Math.max(0, center - half), Math.min(1, center + half));
  }

  private static double minExpected(long aN, long bN, long hits, long misses) {
    double n = aN + bN;
    return Math.min(aN, bN) * Math.min(hits, misses) / n; // the smallest expected cell
  }

  private static double sq(double x) {
    return x * x;
  }
}
