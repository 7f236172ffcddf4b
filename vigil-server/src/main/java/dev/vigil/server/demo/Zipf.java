package dev.vigil.server.demo;

/** Ranks 1..n drawn with probability proportional to 1/rank^s: a few heavy users, a long tail. */
final class Zipf {
  private final double[] cdf;

  Zipf(int n, double s) {
    cdf = new double[n];
    double sum = 0;
    for (int rank = 1; rank <= n; rank++) {
      sum += 1 / Math.pow(rank, s);
      cdf[rank - 1] = sum;
    }
    for (int i = 0; i < n; i++) cdf[i] /= sum;
  }

  int sample(Dice dice) {
    double u = dice.unit();
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}
