package dev.vigil.server.review.calibration;

/**
 * Cohen's kappa: agreement of two raters beyond what chance would give, from their contingency
 * table ({@code table[i][j]}: items rater A put in category i and rater B in j). Written as
 * {@code 1 - Σ w·observed / Σ w·expected} with disagreement weights w, which is the unweighted kappa
 * for w = 0 on the diagonal and 1 elsewhere, and Cohen's (1968) weighted kappa for ordered
 * categories, where a near miss costs less than a far one.
 */
public final class Kappa {

  /** Disagreement weights. */
  public enum Weights {
    /** Nominal categories: any disagreement is a full one. */
    UNWEIGHTED,
    /** |i - j| / (k - 1). */
    LINEAR,
    /** (i - j)² / (k - 1)²: far misses cost much more than near ones. */
    QUADRATIC;

    double weight(int i, int j, int k) {
      if (i == j) return 0;
      return switch (this) {
        case UNWEIGHTED -> 1;
        case LINEAR -> Math.abs(i - j) / (double) (k - 1);
        case QUADRATIC -> (double) (i - j) * (i - j) / ((double) (k - 1) * (k - 1));
      };
    }
  }

  private Kappa() {}

  /**
   * @return kappa in [-1, 1], or NaN when chance agreement is already perfect (both raters used one
   *     and the same category for everything), where kappa is undefined
   */
  public static double of(double[][] table, Weights weights) {
    int k = table.length;
    double n = 0;
    double[] rows = new double[k];
    double[] cols = new double[k];
    for (int i = 0; i < k; i++) {
      if (table[i].length != k) throw new IllegalArgumentException("the table must be square");
      for (int j = 0; j < k; j++) {
        rows[i] += table[i][j];
        cols[j] += table[i][j];
        n += table[i][j];
      }
    }
    if (n == 0 || k < 2) return Double.NaN;
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double w = weights.weight(i, j, k);
        observed += w * table[i][j] / n;
        expected += w * rows[i] * cols[j] / (n * n);
      }
    }
    return expected == 0 ? Double.NaN : 1 - observed / expected;
  }

  /** The contingency table of paired ratings given as category indexes 0..k-1. */
  public static double[][] table(int[] a, int[] b, int k) {
    if (a.length != b.length) throw new IllegalArgumentException("ratings must come in pairs");
    double[][] t = new double[k][k];
    for (int i = 0; i < a.length; i++) t[a[i]][b[i]]++;
    return t;
  }
}
