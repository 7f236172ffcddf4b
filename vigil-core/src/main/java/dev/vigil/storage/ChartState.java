package dev.vigil.storage;

/**
 * A control chart's running state: the end of the last observation it took, how many it has taken,
 * the warm-up estimates of the in-control mean and variance (Welford's running sums), and the chart
 * statistics (EWMA value, upper and lower CUSUM sums).
 */
public record ChartState(
    long lastEpochNanos, long observations, double mean, double m2, double ewma, double cusumHigh, double cusumLow) {

  public static ChartState start(long atEpochNanos) {
    return new ChartState(atEpochNanos, 0, 0, 0, Double.NaN, 0, 0);
  }
}
