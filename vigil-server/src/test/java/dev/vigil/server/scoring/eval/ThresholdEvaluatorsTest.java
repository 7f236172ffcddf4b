package dev.vigil.server.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The budget rule's cost text is the formatter's, digit for digit, without the formatter's cost. */
class ThresholdEvaluatorsTest {
  @Test
  void usdHasTheDigitsOfPercentPointSixF() {
    SplittableRandom random = new SplittableRandom(7);
    double[] edges = {0, -0.0, 0.0000005, 0.0000015, 0.0000025, 0.1234565, 1e-9, 12.5, 1e12, 0.0100005, Double.NaN,
        Double.POSITIVE_INFINITY, -0.0000004};
    for (double v : edges) assertThat(ThresholdEvaluators.usd(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.6f", v));
    for (int i = 0; i < 100_000; i++) {
      double v = random.nextDouble() * Math.pow(10, random.nextInt(-8, 4));
      assertThat(ThresholdEvaluators.usd(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.6f", v));
    }
  }
}
