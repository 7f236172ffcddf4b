package dev.vigil.server.watch.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Wilson and Newcombe intervals against Newcombe (1998); Welch comparisons on data with known answers. */
class VariantStatsTest {

  @Test
  void wilsonIntervalMatchesNewcombesTable() {
    // Newcombe, Statistics in Medicine 17 (1998) 857–872, table I: 81/263 → 0.2553 to 0.3662
    Estimate e = Proportions.wilson(81, 263);
    assertThat(e.lower()).isCloseTo(0.2553, within(5e-5));
    assertThat(e.upper()).isCloseTo(0.3662, within(5e-5));
    // 0/10 stays inside [0, 1]: 0 to 0.2775
    assertThat(Proportions.wilson(0, 10).lower()).isZero();
    assertThat(Proportions.wilson(0, 10).upper()).isCloseTo(0.2775, within(5e-5));
  }

  @Test
  void newcombeHybridIntervalForTheDifference() {
    // Newcombe, Statistics in Medicine 17 (1998) 873–890, example (a): 56/70 − 48/80 → 0.0524 to 0.3339
    Comparison c = Proportions.compare("pass_rate", Direction.HIGHER_IS_BETTER, 48, 80, 56, 70);
    assertThat(c.difference()).isCloseTo(0.2, within(1e-12));
    assertThat(c.differenceLower()).isCloseTo(0.0524, within(5e-5));
    assertThat(c.differenceUpper()).isCloseTo(0.3339, within(5e-5));
    assertThat(c.test()).isEqualTo("chi_squared");
    assertThat(c.pValue()).isLessThan(0.05);
    assertThat(c.verdict()).isEqualTo(Outcome.B_BETTER);
  }

  @Test
  void errorRatesNearZeroUseFishersTestAndLowerIsBetter() {
    Comparison same = Proportions.compare("error_rate", Direction.LOWER_IS_BETTER, 1, 200, 2, 200);
    assertThat(same.test()).isEqualTo("fisher_exact");
    assertThat(same.verdict()).isEqualTo(Outcome.NO_SIGNIFICANT_DIFFERENCE);
    Comparison worse = Proportions.compare("error_rate", Direction.LOWER_IS_BETTER, 2, 500, 60, 500);
    assertThat(worse.verdict()).isEqualTo(Outcome.A_BETTER);
    Comparison none = Proportions.compare("error_rate", Direction.LOWER_IS_BETTER, 0, 100, 0, 100);
    assertThat(none.pValue()).isEqualTo(1.0);
    assertThat(none.verdict()).isEqualTo(Outcome.NO_SIGNIFICANT_DIFFERENCE);
    assertThat(Proportions.compare("error_rate", Direction.LOWER_IS_BETTER, 0, 10, 5, 10).verdict())
        .isEqualTo(Outcome.INSUFFICIENT_DATA);
  }

  @Test
  void welchDetectsARealDifferenceAndNoneBetweenIdenticalVariants() {
    Random rnd = new Random(11);
    double[] a = new double[400];
    double[] b = new double[400];
    double[] slow = new double[400];
    for (int i = 0; i < 400; i++) {
      a[i] = 1000 + 200 * rnd.nextGaussian();
      b[i] = 1000 + 200 * rnd.nextGaussian();
      slow[i] = 1300 + 400 * rnd.nextGaussian();
    }
    Comparison same = Means.compare("latency_ms", Direction.LOWER_IS_BETTER, a, a.clone());
    assertThat(same.pValue()).isCloseTo(1.0, within(1e-12));
    assertThat(same.verdict()).isEqualTo(Outcome.NO_SIGNIFICANT_DIFFERENCE);
    Comparison similar = Means.compare("latency_ms", Direction.LOWER_IS_BETTER, a, b);
    assertThat(similar.differenceLower()).isLessThan(0);
    assertThat(similar.differenceUpper()).isGreaterThan(0);
    Comparison worse = Means.compare("latency_ms", Direction.LOWER_IS_BETTER, a, slow);
    assertThat(worse.test()).isEqualTo("welch_t");
    assertThat(worse.verdict()).isEqualTo(Outcome.A_BETTER);
    assertThat(worse.differenceLower()).isBetween(200.0, 300.0);
    assertThat(worse.differenceUpper()).isBetween(300.0, 400.0);
    // each mean's interval: mean ± t(0.975, 399) · s/√n, t ≈ 1.966 (tables: 1.984 at 100 df, 1.960 at ∞)
    double half = (worse.b().upper() - worse.b().lower()) / 2;
    double sd = Math.sqrt(java.util.Arrays.stream(slow).map(x -> (x - worse.b().value()) * (x - worse.b().value())).sum() / 399);
    assertThat(half / (sd / Math.sqrt(400))).isBetween(1.965, 1.967);
  }

  @Test
  void constantSamplesAndTooFewSamples() {
    double[] ones = new double[40];
    java.util.Arrays.fill(ones, 1);
    assertThat(Means.compare("cost", Direction.LOWER_IS_BETTER, ones, ones.clone()).verdict())
        .isEqualTo(Outcome.NO_SIGNIFICANT_DIFFERENCE);
    Comparison few = Means.compare("cost", Direction.LOWER_IS_BETTER, new double[] {1, 2}, ones);
    assertThat(few.verdict()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(few.a().value()).isEqualTo(1.5);
  }
}
