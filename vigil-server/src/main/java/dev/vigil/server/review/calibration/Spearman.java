package dev.vigil.server.review.calibration;

import org.apache.commons.statistics.ranking.NaturalRanking;

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, ties given their average rank
 * (Commons Statistics' NaturalRanking), which stays right when a scale has many ties, as pass/fail
 * and 1–5 scales do.
 */
public final class Spearman {
  private static final NaturalRanking RANKING = new NaturalRanking();

  private Spearman() {}

  /** @return rho in [-1, 1], or NaN with fewer than two pairs or when either side never varies */
  public static double rho(double[] x, double[] y) {
    if (x.length != y.length) throw new IllegalArgumentException("values must come in pairs");
    if (x.length < 2) return Double.NaN;
    return pearson(RANKING.apply(x), RANKING.apply(y));
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0 || syy == 0) return Double.NaN;
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }
}
