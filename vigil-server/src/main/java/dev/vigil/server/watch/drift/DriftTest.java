package dev.vigil.server.watch.drift;

/**
 * One test of one signal between a baseline and a current window. {@code effect} is the test's
 * effect size (KS: D; PSI: the index; Jensen-Shannon: the distance; chi-squared: Cramér's V), so a
 * huge sample with a tiny, significant shift is not called drift. {@code pValue} is null for tests
 * without one (PSI, Jensen-Shannon); statistic, effect and p-value are null for insufficient data.
 */
public record DriftTest(
    String signal,
    String test,
    Double statistic,
    String effectName,
    Double effect,
    Double pValue,
    long baselineN,
    long currentN,
    Verdict verdict,
    String note) {

  /** Fewer observations than this in either window: no verdict. */
  public static final int MIN_SAMPLES = 30;
  /** Significance level of the drift tests: strict, because a report runs many tests at once. */
  public static final double ALPHA = 0.01;

  static DriftTest insufficient(String signal, String test, String effectName, long baselineN, long currentN) {
    return new DriftTest(signal, test, null, effectName, null, null, baselineN, currentN,
        Verdict.INSUFFICIENT_DATA, "needs at least " + MIN_SAMPLES + " observations in each window");
  }

  static boolean enough(long baselineN, long currentN) {
    return baselineN >= MIN_SAMPLES && currentN >= MIN_SAMPLES;
  }
}
