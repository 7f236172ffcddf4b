package dev.vigil.server.review.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.server.review.calibration.Kappa.Weights;
import org.junit.jupiter.api.Test;

class KappaTest {

  /**
   * Wikipedia's "Cohen's kappa" worked example: 50 proposals, A and B both yes 20, A yes B no 5,
   * A no B yes 10, both no 15. p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = (0.7 − 0.5) / 0.5 = 0.4.
   */
  @Test
  void wikipediasWorkedExample() {
    double[][] table = {{20, 5}, {10, 15}};
    assertThat(Kappa.of(table, Weights.UNWEIGHTED)).isCloseTo(0.4, within(1e-12));
    // with two categories every weighting is the same
    assertThat(Kappa.of(table, Weights.LINEAR)).isCloseTo(0.4, within(1e-12));
    assertThat(Kappa.of(table, Weights.QUADRATIC)).isCloseTo(0.4, within(1e-12));
  }

  /**
   * A 3-point ordinal scale worked by hand, n = 10 (rows: rater A, columns: rater B):
   * <pre>
   *        1  2  3 | row
   *   1    3  1  0 |  4
   *   2    0  2  1 |  3
   *   3    0  1  2 |  3
   *   col  3  4  3
   * </pre>
   * Quadratic weights (i−j)²/(k−1)²: 0.25 one step apart, 1 two apart. Observed Σw·O = 3 × 0.25 = 0.75.
   * Expected E = row·col/n: (1,2) 1.6, (1,3) 1.2, (2,1) 0.9, (2,3) 0.9, (3,1) 0.9, (3,2) 1.2, so
   * Σw·E = 0.25·(1.6 + 0.9 + 0.9 + 1.2) + 1·(1.2 + 0.9) = 3.25; κ_q = 1 − 0.75/3.25 = 10/13.
   * Linear weights |i−j|/(k−1): Σw·O = 1.5, Σw·E = 0.5·4.6 + 2.1 = 4.4; κ_l = 1 − 1.5/4.4 = 29/44.
   * Unweighted: p_o = 0.7, p_e = (4·3 + 3·4 + 3·3)/100 = 0.33; κ = 0.37/0.67 = 37/67.
   */
  @Test
  void weightedKappaWorkedExample() {
    double[][] table = {{3, 1, 0}, {0, 2, 1}, {0, 1, 2}};
    assertThat(Kappa.of(table, Weights.QUADRATIC)).isCloseTo(10.0 / 13, within(1e-12));
    assertThat(Kappa.of(table, Weights.LINEAR)).isCloseTo(29.0 / 44, within(1e-12));
    assertThat(Kappa.of(table, Weights.UNWEIGHTED)).isCloseTo(37.0 / 67, within(1e-12));
  }

  @Test
  void perfectAgreementIsOneAndSystematicDisagreementIsNegative() {
    assertThat(Kappa.of(new double[][] {{5, 0}, {0, 7}}, Weights.UNWEIGHTED)).isEqualTo(1.0);
    assertThat(Kappa.of(new double[][] {{0, 5}, {5, 0}}, Weights.UNWEIGHTED)).isEqualTo(-1.0);
  }

  @Test
  void undefinedWhenBothRatersUsedOneCategoryOnly() {
    assertThat(Kappa.of(new double[][] {{9, 0}, {0, 0}}, Weights.UNWEIGHTED)).isNaN();
    assertThat(Kappa.of(new double[][] {{0, 0}, {0, 0}}, Weights.UNWEIGHTED)).isNaN();
  }

  @Test
  void tableCountsPairs() {
    double[][] t = Kappa.table(new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 2}, 3);
    assertThat(t).isEqualTo(new double[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}});
  }
}
