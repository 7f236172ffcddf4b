package dev.vigil.server.watch.drift;

import java.util.Arrays;

/**
 * Baseline and current shares over the same equal-width bins, for drawing the two distributions on
 * top of each other. The range is the pooled 1st to 99th percentile, so one outlier cannot squash the
 * picture; values outside it fall into the first or last bin.
 */
public record Overlay(double[] edges, double[] baseline, double[] current) {
  public static final int BINS = 20;

  public static Overlay of(double[] baseline, double[] current) {
    double[] pooled = new double[baseline.length + current.length];
    System.arraycopy(baseline, 0, pooled, 0, baseline.length);
    System.arraycopy(current, 0, pooled, baseline.length, current.length);
    if (pooled.length == 0) return new Overlay(new double[0], new double[0], new double[0]);
    Arrays.sort(pooled);
    double lo = pooled[(int) Math.floor(0.01 * (pooled.length - 1))];
    double hi = pooled[(int) Math.ceil(0.99 * (pooled.length - 1))];
    if (hi <= lo) hi = lo + 1; // one value: one visible bin
    double[] edges = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) edges[i] = lo + (hi - lo) * i / BINS;
    return new Overlay(edges, shares(baseline, lo, hi), shares(current, lo, hi));
  }

  private static double[] shares(double[] values, double lo, double hi) {
    double[] out = new double[BINS];
    for (double v : values) {
      int i = (int) Math.floor((v - lo) / (hi - lo) * BINS);
      out[Math.max(0, Math.min(BINS - 1, i))]++;
    }
    if (values.length > 0) for (int i = 0; i < BINS; i++) out[i] /= values.length;
    return out;
  }
}
