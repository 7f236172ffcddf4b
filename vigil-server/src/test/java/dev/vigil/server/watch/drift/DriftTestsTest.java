package dev.vigil.server.watch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The drift tests against values worked out by hand or published with other implementations. */
class DriftTestsTest {

  @Test
  void ksMatchesScipysExactTwoSampleExample() {
    // scipy.stats.ks_2samp on these two samples (method='exact'): D = 0.3, p = 0.7869297884777761
    double[] x = {0.95692026, 1.1348812, -0.76579239, -0.58065653, -0.05122393, 0.71598754, 1.39873528,
        0.42790527, 1.84580764, 0.64228521};
    double[] y = {0.6948678, -0.3741825, 0.36657279, 1.15834174, -0.32421706, -0.38499295, 1.44976991,
        0.2504608, -0.53694774, 1.42221993};
    var r = org.apache.commons.statistics.inference.KolmogorovSmirnovTest.withDefaults().test(x, y);
    assertThat(r.getStatistic()).isCloseTo(0.3, within(1e-12));
    assertThat(r.getPValue()).isCloseTo(0.7869297884777761, within(1e-9));
    // ten values each are too few for a verdict
    DriftTest t = KsTest.test("latency_ms", x, y);
    assertThat(t.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
    assertThat(t.pValue()).isNull();
  }

  @Test
  void ksFlagsAShiftedNormalAndNotAnUnshiftedOne() {
    Random rnd = new Random(7);
    double[] base = normal(rnd, 2000, 500, 100);
    double[] same = normal(rnd, 1000, 500, 100);
    double[] shifted = normal(rnd, 1000, 600, 100); // one standard deviation up: D ≈ 0.38
    DriftTest stable = KsTest.test("input_tokens", base, same);
    assertThat(stable.verdict()).isEqualTo(Verdict.STABLE);
    assertThat(stable.effect()).isLessThan(0.07);
    DriftTest drifted = KsTest.test("input_tokens", base, shifted);
    assertThat(drifted.verdict()).isEqualTo(Verdict.DRIFTED);
    assertThat(drifted.effect()).isBetween(0.3, 0.46);
    assertThat(drifted.pValue()).isLessThan(1e-10);
    assertThat(drifted.baselineN()).isEqualTo(2000);
    assertThat(drifted.currentN()).isEqualTo(1000);
  }

  @Test
  void psiCutsAtBaselineDecilesAndFloorsEmptyBins() {
    double[] base = new double[100];
    for (int i = 0; i < 100; i++) base[i] = i;
    assertThat(Psi.edges(base)).containsExactly(9, 19, 29, 39, 49, 59, 69, 79, 89);
    double[] cur = new double[100];
    for (int i = 0; i < 50; i++) {
      cur[i] = i % 10;        // first bin
      cur[50 + i] = 90 + i % 10; // last bin
    }
    // bins: baseline 0.1 each; current 0.5, eight empty bins (taken as 1e-4), 0.5
    double expected = 2 * (0.5 - 0.1) * Math.log(0.5 / 0.1) + 8 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
    DriftTest t = Psi.test("input_tokens", base, cur);
    assertThat(t.effect()).isCloseTo(expected, within(1e-12));
    assertThat(t.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA); // 100 values: reported, no verdict
    double[] base2 = new double[400];
    double[] cur2 = new double[400];
    for (int i = 0; i < 400; i++) {
      base2[i] = base[i % 100];
      cur2[i] = cur[i % 100];
    }
    assertThat(Psi.test("input_tokens", base2, cur2).effect()).isCloseTo(expected, within(1e-12));
    assertThat(Psi.test("input_tokens", base2, cur2).verdict()).isEqualTo(Verdict.DRIFTED);
    assertThat(Psi.test("input_tokens", base2, base2).verdict()).isEqualTo(Verdict.STABLE);
    assertThat(t.pValue()).isNull();
    assertThat(Psi.test("input_tokens", base, base).effect()).isZero();
  }

  @Test
  void psiBandsAndTiedIntegerData() {
    double[] base = new double[100];
    double[] cur = new double[100];
    for (int i = 0; i < 100; i++) {
      base[i] = i < 50 ? 1 : 2; // two values only: one edge at 1
      cur[i] = i < 40 ? 1 : 2;
    }
    assertThat(Psi.edges(base)).containsExactly(1);
    // (0.4 - 0.5) ln(0.8) + (0.6 - 0.5) ln(1.2) = 0.0405: no shift
    DriftTest t = Psi.test("finish", base, cur);
    assertThat(t.effect()).isCloseTo(-0.1 * Math.log(0.8) + 0.1 * Math.log(1.2), within(1e-12));
    assertThat(t.note()).startsWith("no shift");
    assertThat(t.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
    double[] constant = new double[50];
    java.util.Arrays.fill(constant, 7);
    assertThat(Psi.edges(constant)).containsExactly(7); // a constant baseline still splits at its value
  }

  @Test
  void jensenShannonDistanceBaseTwo() {
    assertThat(JensenShannon.distance(new long[] {5, 0}, new long[] {0, 5})).isCloseTo(1, within(1e-12));
    assertThat(JensenShannon.distance(new long[] {3, 3}, new long[] {3, 3})).isZero();
    // scipy.spatial.distance.jensenshannon([.5, .5], [1, 0], base=2) = 0.5579230452...
    // by hand: m = (.75, .25); JS = ½(½·log2(⅔) + ½·log2 2) + ½·log2(4/3) = 0.311278
    assertThat(JensenShannon.distance(new long[] {50, 50}, new long[] {100, 0})).isCloseTo(0.5579230452, within(1e-9));
    DriftTest t = JensenShannon.test("finish_reason", Map.of("stop", 50L, "length", 50L), Map.of("stop", 100L));
    assertThat(t.verdict()).isEqualTo(Verdict.DRIFTED);
    assertThat(JensenShannon.test("finish_reason", Map.of("stop", 5L), Map.of("stop", 5L)).verdict())
        .isEqualTo(Verdict.INSUFFICIENT_DATA);
  }

  @Test
  void chiSquaredHomogeneityOnATwoByTwoTable() {
    // expected counts 12, 18 / 28, 42: χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651; df 1 → p = 0.37297
    DriftTest t = ChiSquared.test("finish_reason", Map.of("stop", 10L, "length", 20L), Map.of("stop", 30L, "length", 40L));
    assertThat(t.statistic()).isCloseTo(4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42, within(1e-9));
    assertThat(t.pValue()).isCloseTo(0.37297, within(1e-4));
    assertThat(t.effect()).isCloseTo(Math.sqrt(t.statistic() / 100), within(1e-12));
    assertThat(t.verdict()).isEqualTo(Verdict.STABLE);
  }

  @Test
  void chiSquaredPoolsRareCategoriesAndDetectsAShift() {
    long[][] table = ChiSquared.pooled(new long[] {500, 480, 5, 4, 0}, new long[] {200, 800, 2, 0, 1});
    assertThat(table[0]).hasSize(3); // the three rare ones became one "other" column
    // a pool still too small takes in the rarest kept column
    assertThat(ChiSquared.pooled(new long[] {500, 480, 1, 2}, new long[] {200, 800, 2, 0})[0]).hasSize(2);
    assertThat(table[0][2] + table[1][2]).isEqualTo(12); // the pool is the last column
    DriftTest t = ChiSquared.test("finish_reason",
        Map.of("stop", 500L, "length", 480L, "a", 5L, "b", 4L),
        Map.of("stop", 200L, "length", 800L, "a", 2L, "c", 1L));
    assertThat(t.verdict()).isEqualTo(Verdict.DRIFTED);
    assertThat(t.note()).isEqualTo("3 rare categories pooled");
    assertThat(ChiSquared.test("m", Map.of("x", 40L), Map.of("x", 50L)).pValue()).isEqualTo(1.0);
  }

  @Test
  void aSignalIsDriftedIfAnyTestSaysSoAndStableIfAnyCanTell() {
    Random rnd = new Random(3);
    double[] base = normal(rnd, 100, 500, 100);
    SignalDrift same = SignalDrift.numeric("input_tokens", base, normal(rnd, 100, 500, 100));
    assertThat(same.tests().get(1).verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA); // PSI at 100 values
    assertThat(same.verdict()).isEqualTo(Verdict.STABLE);
    assertThat(SignalDrift.numeric("input_tokens", base, normal(rnd, 100, 800, 100)).verdict()).isEqualTo(Verdict.DRIFTED);
    assertThat(SignalDrift.numeric("input_tokens", base, new double[5]).verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
  }

  static double[] normal(Random rnd, int n, double mean, double sd) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = Math.round(mean + sd * rnd.nextGaussian()); // whole tokens
    return out;
  }
}
