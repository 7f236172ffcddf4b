package dev.vigil.server.watch.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.vigil.storage.ChartState;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ControlChartTest {

  private static ChartState run(ControlChart chart, ChartState s, double[] xs) {
    for (int i = 0; i < xs.length; i++) s = chart.observe(s, xs[i], s.lastEpochNanos() + 1);
    return s;
  }

  @Test
  void warmUpEstimatesMeanAndDeviation() {
    ControlChart chart = new ControlChart(ChartParams.defaults(ChartParams.Kind.EWMA).with("warmup", 5));
    ChartState s = run(chart, ChartState.start(0), new double[] {2, 4, 4, 4, 6});
    assertThat(s.mean()).isEqualTo(4.0);
    assertThat(chart.sigma(s)).isCloseTo(Math.sqrt(2), offset(1e-12)); // sample variance 8/4
    assertThat(chart.warmedUp(s)).isFalse();
    s = chart.observe(s, 4, 6);
    assertThat(chart.warmedUp(s)).isTrue();
    assertThat(s.ewma()).isEqualTo(4.0);
    // first judged point: limits L·σ·√(λ/(2−λ)·(1−(1−λ)²)) = 3.5·√2·√(0.1/1.9·0.19)
    assertThat(chart.halfWidth(s)).isCloseTo(3.5 * Math.sqrt(2) * Math.sqrt(0.1 / 1.9 * 0.19), offset(1e-12));
  }

  @Test
  void ewmaAndCusumStayQuietOnNoiseAndSignalAShiftOfOneSigma() {
    for (ChartParams.Kind kind : ChartParams.Kind.values()) {
      ControlChart chart = new ControlChart(ChartParams.defaults(kind));
      Random r = new Random(42);
      ChartState s = ChartState.start(0);
      int alarms = 0;
      for (int i = 0; i < 2000; i++) {
        s = chart.observe(s, 100 + 10 * r.nextGaussian(), i + 1);
        if (chart.outOfControl(s)) alarms++;
      }
      assertThat(alarms).as(kind + " on 2000 in-control points").isZero();
      int firstSignal = -1;
      for (int i = 0; i < 100 && firstSignal < 0; i++) {
        s = chart.observe(s, 110 + 10 * r.nextGaussian(), 3000 + i);
        if (chart.outOfControl(s)) firstSignal = i;
      }
      assertThat(firstSignal).as(kind + " detects a one-sigma shift").isBetween(0, 60);
    }
  }

  @Test
  void aFlatWarmUpGetsAFloorOnSigma() {
    ControlChart chart = new ControlChart(ChartParams.defaults(ChartParams.Kind.CUSUM).with("warmup", 5));
    ChartState s = run(chart, ChartState.start(0), new double[] {10, 10, 10, 10, 10, 10});
    assertThat(chart.sigma(s)).isEqualTo(0.5);
    assertThat(chart.outOfControl(chart.observe(s, 10.2, 99))).isFalse();
  }

  @Test
  void parametersAreChecked() {
    assertThatThrownBy(() -> ChartParams.defaults(ChartParams.Kind.EWMA).with("lambda", 1.5)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> ChartParams.defaults(ChartParams.Kind.EWMA).with("x", 1)).hasMessageContaining("ewma takes lambda, L, warmup");
    assertThatThrownBy(() -> ChartParams.defaults(ChartParams.Kind.CUSUM).with("warmup", 2.5)).hasMessageContaining("whole number");
  }
}
