package dev.vigil.server.watch.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MannKendallTest {

  /**
   * Worked by hand: 1.0 2.3 2.3 3.1 2.9 4.0. Pairs up minus down: 5 from 1.0, 3 from each 2.3 (the
   * 2.3–2.3 tie counts 0), 0 from 3.1 (down to 2.9, up to 4.0), 1 from 2.9: S = 12. Var(S) =
   * (6·5·17 − 2·1·9) / 18 = 492/18 = 27.33 (one pair of ties). Z = (12 − 1)/√27.33 = 2.104, two-sided
   * p = 2·(1 − Φ(2.104)) = 0.0354. Sen's slope: the median of the 15 pairwise slopes, 0.475.
   */
  @Test
  void workedExampleWithATie() {
    MannKendall mk = MannKendall.test(new double[] {1.0, 2.3, 2.3, 3.1, 2.9, 4.0});
    assertThat(mk.s()).isEqualTo(12);
    assertThat(mk.variance()).isCloseTo(492 / 18.0, offset(1e-12));
    assertThat(mk.z()).isCloseTo(2.104003, offset(1e-6));
    assertThat(mk.pValue()).isCloseTo(0.035378, offset(1e-6));
    assertThat(mk.senSlope()).isCloseTo(0.475, offset(1e-12));
    assertThat(mk.significant(false, 0.05)).isTrue();
    assertThat(mk.significant(true, 0.05)).as("it goes up, not down").isFalse();
    assertThat(mk.significant(false, 0.01)).isFalse();
  }

  @Test
  void slopeIsPerUnitOfTheGivenTimesAndGapsAreAllowed() {
    MannKendall mk = MannKendall.test(new double[] {0, 2, 3, 10}, new double[] {9, 8, 7.5, 4});
    assertThat(mk.s()).isEqualTo(-6);
    assertThat(mk.senSlope()).isCloseTo(-0.5, offset(1e-12));
  }

  @Test
  void aConstantSeriesHasNoTrend() {
    MannKendall mk = MannKendall.test(new double[] {3, 3, 3, 3, 3, 3, 3, 3});
    assertThat(mk.s()).isZero();
    assertThat(mk.pValue()).isEqualTo(1.0);
    assertThat(mk.significant(true, 0.05)).isFalse();
  }

  @Test
  void tooShortIsRefused() {
    assertThatThrownBy(() -> MannKendall.test(new double[] {1, 2})).hasMessageContaining("at least 3");
  }
}
