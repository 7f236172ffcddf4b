package dev.vigil.server.review.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpearmanTest {

  /** Wikipedia's "Spearman's rank correlation coefficient" example: IQ against hours of TV a week, ρ = −29/165. */
  @Test
  void wikipediasWorkedExample() {
    double[] iq = {106, 100, 86, 101, 99, 103, 97, 113, 112, 110};
    double[] tv = {7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
    assertThat(Spearman.rho(iq, tv)).isCloseTo(-29.0 / 165, within(1e-12));
  }

  @Test
  void monotoneIsOneWhateverTheScale() {
    assertThat(Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {1, 10, 100, 1000})).isCloseTo(1.0, within(1e-12));
    assertThat(Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isCloseTo(-1.0, within(1e-12));
  }

  /**
   * Ties get their average rank: x = (1, 1, 2, 3) ranks (1.5, 1.5, 3, 4); y = (1, 2, 2, 3) ranks
   * (1, 2.5, 2.5, 4). Pearson of the ranks: deviations (−1, −1, 0.5, 1.5) and (−1.5, 0, 0, 1.5),
   * Σxy = 1.5 + 2.25 = 3.75, Σx² = 4.5, Σy² = 4.5, ρ = 3.75 / 4.5 = 5/6.
   */
  @Test
  void tiesTakeTheirAverageRank() {
    assertThat(Spearman.rho(new double[] {1, 1, 2, 3}, new double[] {1, 2, 2, 3})).isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void undefinedWithoutVariationOrPairs() {
    assertThat(Spearman.rho(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    assertThat(Spearman.rho(new double[] {1}, new double[] {1})).isNaN();
  }
}
