package dev.vigil.server.watch.drift;

import java.util.List;
import java.util.Map;

/**
 * The drift of one signal: its tests (KS and PSI for numbers, chi-squared and Jensen-Shannon for
 * categories), the overall verdict (drifted if any test says so, else stable if any test had enough
 * data, else insufficient data), the means of numeric signals, and what the UI draws: an {@link Overlay} for
 * numbers, baseline and current shares per category for categories.
 */
public record SignalDrift(
    String signal,
    String kind,
    Verdict verdict,
    List<DriftTest> tests,
    Double baselineMean,
    Double currentMean,
    Overlay histogram,
    Map<String, double[]> categories) {

  public static SignalDrift numeric(String signal, double[] baseline, double[] current) {
    List<DriftTest> tests = List.of(KsTest.test(signal, baseline, current), Psi.test(signal, baseline, current));
    return new SignalDrift(signal, "numeric", Verdict.combine(tests.stream().map(DriftTest::verdict).toList()), tests,
        mean(baseline), mean(current), Overlay.of(baseline, current), null);
  }

  public static SignalDrift categorical(String signal, Map<String, Long> baseline, Map<String, Long> current) {
    List<DriftTest> tests = List.of(ChiSquared.test(signal, baseline, current), JensenShannon.test(signal, baseline, current));
    Categories c = Categories.of(baseline, current);
    double nb = Math.max(1, Categories.total(c.baseline()));
    double nc = Math.max(1, Categories.total(c.current()));
    Map<String, double[]> shares = new java.util.LinkedHashMap<>();
    for (int i = 0; i < c.names().size(); i++) {
      shares.put(c.names().get(i), new double[] {c.baseline()[i] / nb, c.current()[i] / nc});
    }
    return new SignalDrift(signal, "categorical", Verdict.combine(tests.stream().map(DriftTest::verdict).toList()), tests,
        null, null, null, shares);
  }

  /**
   * Categories counted on a small sample (topics of at most a few hundred questions a side). There the
   * Jensen-Shannon distance between two samples of one distribution is itself about
   * √((k − 1) / (4 n ln 2)) — 0.16 for 9 categories and 110 questions a side — so a Jensen-Shannon
   * verdict of drift also needs chi-squared's significance (p < {@link DriftTest#ALPHA}); the
   * distance is still reported as the effect size.
   */
  public static SignalDrift categoricalSampled(String signal, Map<String, Long> baseline, Map<String, Long> current) {
    SignalDrift s = categorical(signal, baseline, current);
    DriftTest chi2 = s.tests().get(0);
    DriftTest js = s.tests().get(1);
    if (js.verdict() != Verdict.DRIFTED || (chi2.pValue() != null && chi2.pValue() < DriftTest.ALPHA)) return s;
    DriftTest gated = new DriftTest(js.signal(), js.test(), js.statistic(), js.effectName(), js.effect(), js.pValue(),
        js.baselineN(), js.currentN(), Verdict.STABLE, "within sampling noise: chi-squared p ≥ " + DriftTest.ALPHA);
    List<DriftTest> tests = List.of(chi2, gated);
    return new SignalDrift(signal, s.kind(), Verdict.combine(tests.stream().map(DriftTest::verdict).toList()), tests,
        null, null, null, s.categories());
  }

  private static Double mean(double[] x) {
    if (x.length == 0) return null;
    double s = 0;
    for (double v : x) s += v;
    return s / x.length;
  }
}
