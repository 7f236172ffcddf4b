package dev.vigil.server.watch.chart;

import dev.vigil.storage.ChartState;

/**
 * Two-sided EWMA and CUSUM charts over one observation per window. The first {@code warmup}
 * observations estimate the in-control mean and standard deviation (Welford); after that the chart
 * statistic is updated and compared with its limits. Pure functions of the state, so the state can
 * be stored after every observation and a restart resumes the chart exactly.
 */
public final class ControlChart {
  private final ChartParams p;

  public ControlChart(ChartParams params) {
    this.p = params;
  }

  /** The state after observing {@code x} for the window ending at {@code endEpochNanos}. */
  public ChartState observe(ChartState s, double x, long endEpochNanos) {
    long n = s.observations() + 1;
    if (s.observations() < p.warmup()) {
      double delta = x - s.mean();
      double mean = s.mean() + delta / n;
      double m2 = s.m2() + delta * (x - mean);
      return new ChartState(endEpochNanos, n, mean, m2, mean, 0, 0);
    }
    double ewma = p.lambda() * x + (1 - p.lambda()) * s.ewma();
    double y = (x - s.mean()) / sigma(s);
    double high = Math.max(0, s.cusumHigh() + y - p.k());
    double low = Math.max(0, s.cusumLow() - y - p.k());
    return new ChartState(endEpochNanos, n, s.mean(), s.m2(), ewma, high, low);
  }

  /** The state with the cursor moved past windows that had no judgeable data. */
  public ChartState skip(ChartState s, long endEpochNanos) {
    return new ChartState(endEpochNanos, s.observations(), s.mean(), s.m2(), s.ewma(), s.cusumHigh(), s.cusumLow());
  }

  public boolean warmedUp(ChartState s) {
    return s.observations() > p.warmup();
  }

  public boolean outOfControl(ChartState s) {
    if (!warmedUp(s)) return false;
    return switch (p.kind()) {
      case EWMA -> Math.abs(s.ewma() - s.mean()) > halfWidth(s);
      case CUSUM -> s.cusumHigh() > p.h() || s.cusumLow() > p.h();
    };
  }

  /** The EWMA's limit distance from the mean after {@code i} judged observations (exact, not asymptotic). */
  public double halfWidth(ChartState s) {
    long i = Math.max(1, s.observations() - p.warmup());
    double lambda = p.lambda();
    return p.l() * sigma(s) * Math.sqrt(lambda / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * i)));
  }

  /**
   * The warm-up's standard deviation. A metric that never varied while warming up (an error rate of
   * 0) gets a floor of 5 % of its mean (or 1e-9), or the first single error would be "out of control".
   */
  public double sigma(ChartState s) {
    double sd = s.observations() > 1 ? Math.sqrt(s.m2() / (Math.min(s.observations(), p.warmup()) - 1)) : 0;
    return Math.max(sd, Math.max(0.05 * Math.abs(s.mean()), 1e-9));
  }

  public ChartParams params() {
    return p;
  }
}
