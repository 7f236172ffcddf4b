package dev.vigil.server.watch.variant;

import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Means (latency, cost, tokens, numeric scores) of two variants: t intervals for each mean and Welch's
 * unequal-variance t-test for the difference, with the Welch–Satterthwaite degrees of freedom for
 * the difference's interval. Latency and cost are skewed; with the ≥ 30 samples required the mean's
 * sampling distribution is close enough to normal for a 95 % interval.
 */
public final class Means {
  private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

  private Means() {}

  public static Comparison compare(String metric, Direction dir, double[] a, double[] b) {
    Moments ma = Moments.of(a);
    Moments mb = Moments.of(b);
    Estimate ea = ma.interval();
    Estimate eb = mb.interval();
    if (a.length < Comparison.MIN_SAMPLES || b.length < Comparison.MIN_SAMPLES) {
      return Comparison.insufficient(metric, "mean", dir, ea, eb);
    }
    double d = mb.mean - ma.mean;
    double se2 = ma.var / a.length + mb.var / b.length;
    if (se2 == 0) { // both constant: equal means are no difference, unequal ones are certain
      double p = d == 0 ? 1 : 0;
      return new Comparison(metric, "mean", dir, ea, eb, d, d, d, "none", p, dir.judge(ma.mean, mb.mean, p));
    }
    var r = WELCH.test(ma.mean, ma.var, a.length, mb.mean, mb.var, b.length);
    double half = TDistribution.of(r.getDegreesOfFreedom()).inverseSurvivalProbability(Comparison.ALPHA / 2)
        * Math.sqrt(se2);
    return new Comparison(metric, "mean", dir, ea, eb, d, d - half, d + half, "welch_t", r.getPValue(),
        dir.judge(ma.mean, mb.mean, r.getPValue()));
  }

  private record Moments(long n, double mean, double var) {
    static Moments of(double[] x) {
      if (x.length == 0) return new Moments(0, Double.NaN, Double.NaN);
      DoubleStatistics s = DoubleStatistics.of(java.util.EnumSet.of(Statistic.MEAN, Statistic.VARIANCE), x);
      return new Moments(x.length, s.getAsDouble(Statistic.MEAN), x.length < 2 ? 0 : s.getAsDouble(Statistic.VARIANCE));
    }

    Estimate interval() {
      if (n == 0) return Estimate.none(0);
      if (n < 2) return new Estimate(n, mean, null, null);
      double half = TDistribution.of(n - 1).inverseSurvivalProbability(Comparison.ALPHA / 2) * Math.sqrt(var / n);
      return new Estimate(n, mean, mean - half, mean + half);
    }
  }
}
