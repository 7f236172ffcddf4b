package dev.vigil.server.watch.drift;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov-Smirnov test (Commons Statistics: exact p-value for small samples, the
 * asymptotic one for large). Drifted when p < {@link DriftTest#ALPHA} and D ≥ {@link #MIN_D}: with
 * thousands of samples a D of 0.02 is significant yet nobody's concern. Token counts are integers
 * and tie; the library then reports the p-value of the untied case, which is conservative enough here.
 */
public final class KsTest {
  /** Smallest largest-gap between the two empirical CDFs that counts as drift. */
  public static final double MIN_D = 0.1;
  private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.withDefaults();

  private KsTest() {}

  public static DriftTest test(String signal, double[] baseline, double[] current) {
    if (!DriftTest.enough(baseline.length, current.length)) {
      return DriftTest.insufficient(signal, "ks", "d", baseline.length, current.length);
    }
    var r = KS.test(baseline, current);
    double d = r.getStatistic();
    double p = r.getPValue();
    Verdict v = p < DriftTest.ALPHA && d >= MIN_D ? Verdict.DRIFTED : Verdict.STABLE;
    String note = p < DriftTest.ALPHA && v == Verdict.STABLE ? "significant but small (D < " + MIN_D + ")" : null;
    return new DriftTest(signal, "ks", d, "d", d, p, baseline.length, current.length, v, note);
  }
}
