package dev.vigil.server.watch.drift;

import java.util.Arrays;

/**
 * Population stability index over bins cut at the baseline's deciles: PSI = Σ (c − b) · ln(c / b)
 * with b and c the shares of baseline and current values per bin. Bin rule: edges are the baseline's
 * 10 %, 20 %, … 90 % quantiles (type-1, the smallest value with at least that share at or below it),
 * duplicates removed (integer data with many ties gives fewer bins); bin i holds values in
 * (edge[i-1], edge[i]], the first and last bins are open. An empty bin's share is taken as
 * {@link #EPSILON} so the logarithm is defined. Bands, as usual: below 0.1 no shift, 0.1–0.25 a
 * moderate shift (reported in the note, verdict still stable), 0.25 and above drifted.
 */
public final class Psi {
  public static final double EPSILON = 1e-4;
  public static final double MODERATE = 0.1;
  public static final double MAJOR = 0.25;
  static final int BINS = 10;
  /**
   * PSI is biased upwards in small samples: with no shift at all its expectation is about
   * (bins − 1)(1/n₁ + 1/n₂), 0.6 at 30 values a side. Below this many values per window it is
   * reported without a verdict.
   */
  public static final int MIN_FOR_VERDICT = 200;

  private Psi() {}

  public static DriftTest test(String signal, double[] baseline, double[] current) {
    if (!DriftTest.enough(baseline.length, current.length)) {
      return DriftTest.insufficient(signal, "psi", "psi", baseline.length, current.length);
    }
    double[] edges = edges(baseline);
    double psi = index(shares(baseline, edges), shares(current, edges));
    String band = (psi >= MAJOR ? "major shift" : psi >= MODERATE ? "moderate shift" : "no shift")
        + " (" + (edges.length + 1) + " bins)";
    if (Math.min(baseline.length, current.length) < MIN_FOR_VERDICT) {
      return new DriftTest(signal, "psi", psi, "psi", psi, null, baseline.length, current.length,
          Verdict.INSUFFICIENT_DATA, band + "; no verdict below " + MIN_FOR_VERDICT + " values per window");
    }
    Verdict v = psi >= MAJOR ? Verdict.DRIFTED : Verdict.STABLE;
    return new DriftTest(signal, "psi", psi, "psi", psi, null, baseline.length, current.length, v, band);
  }

  /** Inner bin edges: the baseline's deciles without duplicates. */
  static double[] edges(double[] baseline) {
    double[] sorted = baseline.clone();
    Arrays.sort(sorted);
    double[] out = new double[BINS - 1];
    int k = 0;
    for (int i = 1; i < BINS; i++) {
      int rank = (int) Math.ceil(sorted.length * (double) i / BINS); // 1-based type-1 quantile
      double q = sorted[Math.max(0, rank - 1)];
      if (k == 0 || q > out[k - 1]) out[k++] = q;
    }
    // an edge at the maximum would leave the last bin always empty
    if (k > 1 && out[k - 1] >= sorted[sorted.length - 1]) k--;
    return Arrays.copyOf(out, k);
  }

  static double[] shares(double[] values, double[] edges) {
    double[] counts = new double[edges.length + 1];
    for (double x : values) {
      int i = Arrays.binarySearch(edges, x);
      counts[i >= 0 ? i : -i - 1]++; // a value equal to an edge belongs to the bin the edge closes
    }
    for (int i = 0; i < counts.length; i++) counts[i] /= values.length;
    return counts;
  }

  static double index(double[] b, double[] c) {
    double psi = 0;
    for (int i = 0; i < b.length; i++) {
      double bi = Math.max(b[i], EPSILON);
      double ci = Math.max(c[i], EPSILON);
      psi += (ci - bi) * Math.log(ci / bi);
    }
    return psi;
  }
}
