package dev.vigil.server.watch.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Mann-Kendall test for a monotonic trend, with Sen's slope for its size. Rank-based, so it needs
 * no assumption about the values' distribution (scores, latencies and rates are all skewed), and it
 * corrects the variance of S for tied values (rates and integer scores tie often).
 *
 * @param s Kendall's S: pairs going up minus pairs going down
 * @param variance Var(S) corrected for ties
 * @param z the continuity-corrected normal score
 * @param pValue two-sided p-value from the standard normal distribution
 * @param senSlope the median of pairwise slopes, in value units per time unit of the input
 */
public record MannKendall(int n, long s, double variance, double z, double pValue, double senSlope) {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Tests {@code values} observed at {@code times} (same length, increasing). */
  public static MannKendall test(double[] times, double[] values) {
    int n = values.length;
    if (times.length != n) throw new IllegalArgumentException("times and values differ in length");
    if (n < 3) throw new IllegalArgumentException("Mann-Kendall needs at least 3 values, got " + n);
    long s = 0;
    List<Double> slopes = new ArrayList<>(n * (n - 1) / 2);
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        s += Double.compare(values[j], values[i]) > 0 ? 1 : values[j] == values[i] ? 0 : -1;
        slopes.add((values[j] - values[i]) / (times[j] - times[i]));
      }
    }
    double variance = (n * (n - 1.0) * (2 * n + 5.0) - tieTerm(values)) / 18.0;
    double z = variance <= 0 || s == 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(variance);
    double p = Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    return new MannKendall(n, s, variance, z, p, median(slopes));
  }

  /** Tests values observed at equal steps 0, 1, 2, … (the slope is per step). */
  public static MannKendall test(double[] values) {
    double[] t = new double[values.length];
    Arrays.setAll(t, i -> i);
    return test(t, values);
  }

  /** True when the trend is significant at {@code alpha} and goes the asked way. */
  public boolean significant(boolean decreasing, double alpha) {
    return pValue < alpha && (decreasing ? s < 0 : s > 0);
  }

  /** Σ t(t−1)(2t+5) over groups of t tied values. */
  private static double tieTerm(double[] values) {
    Map<Double, Integer> counts = new HashMap<>();
    for (double v : values) counts.merge(v, 1, Integer::sum);
    double sum = 0;
    for (int t : counts.values()) sum += t * (t - 1.0) * (2 * t + 5.0);
    return sum;
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = a.length / 2;
    return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
  }
}
