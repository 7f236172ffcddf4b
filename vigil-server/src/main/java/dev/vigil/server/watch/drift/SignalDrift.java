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

  private static Double mean(double[] x) {
    if (x.length == 0) return null;
    double s = 0;
    for (double v : x) s += v;
    return s / x.length;
  }
}
