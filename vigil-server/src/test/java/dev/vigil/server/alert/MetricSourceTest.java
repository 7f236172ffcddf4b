package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricSourceTest {
  private static final double[] SCORES = {9, 3, 7, 5, 10, 6};

  private static double agg(MetricRef.Aggregate a, double arg, double... values) {
    return MetricSource.aggregate(new MetricRef.ScoreAggregate("s", a, arg), values);
  }

  @Test
  void scoreAggregates() {
    assertThat(agg(MetricRef.Aggregate.MEAN, 0, SCORES)).isEqualTo(40 / 6.0);
    assertThat(agg(MetricRef.Aggregate.P50, 0, SCORES)).isEqualTo(6.5); // between 6 and 7
    assertThat(agg(MetricRef.Aggregate.P90, 0, SCORES)).isEqualTo(9.5); // 9 + 0.5·(10 − 9)
    assertThat(agg(MetricRef.Aggregate.MIN, 0, SCORES)).isEqualTo(3);
    assertThat(agg(MetricRef.Aggregate.SHARE_BELOW, 6, SCORES)).isEqualTo(2 / 6.0); // 3 and 5; 6 is not below 6
    assertThat(agg(MetricRef.Aggregate.PASS_RATE, 0, 1, 0, 1, 1)).isEqualTo(0.75);
    assertThat(agg(MetricRef.Aggregate.MEAN, 0)).isNaN();
  }
}
