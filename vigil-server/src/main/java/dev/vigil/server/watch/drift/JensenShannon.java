package dev.vigil.server.watch.drift;

import java.util.Map;

/**
 * Jensen-Shannon distance between two categorical distributions: the square root of the JS
 * divergence with base-2 logarithms, so it lies in [0, 1] (0: identical shares, 1: no category in
 * common). Symmetric and defined when a category is absent from one window, unlike KL or PSI.
 * Drifted at a distance of {@link #DRIFTED} or more (roughly: ≥ 10 % of traffic moved between
 * categories once squared effects are counted).
 */
public final class JensenShannon {
  public static final double DRIFTED = 0.1;

  private JensenShannon() {}

  public static DriftTest test(String signal, Map<String, Long> baseline, Map<String, Long> current) {
    Categories c = Categories.of(baseline, current);
    long nb = Categories.total(c.baseline());
    long nc = Categories.total(c.current());
    if (!DriftTest.enough(nb, nc)) return DriftTest.insufficient(signal, "jensen_shannon", "distance", nb, nc);
    double d = distance(c.baseline(), c.current());
    return new DriftTest(signal, "jensen_shannon", d, "distance", d, null, nb, nc,
        d >= DRIFTED ? Verdict.DRIFTED : Verdict.STABLE, null);
  }

  /** JS distance (base 2) between two count vectors over the same categories. */
  static double distance(long[] a, long[] b) {
    double na = Categories.total(a);
    double nb = Categories.total(b);
    double js = 0;
    for (int i = 0; i < a.length; i++) {
      double p = a[i] / na;
      double q = b[i] / nb;
      double m = (p + q) / 2;
      if (p > 0) js += 0.5 * p * log2(p / m);
      if (q > 0) js += 0.5 * q * log2(q / m);
    }
    return Math.sqrt(Math.max(0, Math.min(1, js))); // rounding can leave it a hair outside [0, 1]
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
