package dev.vigil.server.alert;

import dev.vigil.server.watch.chart.ChartParams;
import dev.vigil.server.watch.chart.ControlChart;
import dev.vigil.storage.ChartState;
import dev.vigil.storage.MonitorStore;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the UI draws for a rule's control-chart clause: the stored chart state (read, never written:
 * only the evaluator advances a chart) and the metric's recent windows with the chart statistic and
 * its limits per window. The per-window statistics are replayed with {@link ControlChart} over the
 * shown windows, starting from the stored in-control mean (or from scratch while the chart is still
 * warming up), so they show the shape of the chart; the stored state is the authoritative current value.
 */
public final class ChartView {
  /** How many windows the series shows. */
  static final int POINTS = 100;

  /** One window: its end, the metric's value, and (once warmed up) the statistic and limits; NaN: none yet. */
  public record Point(long endEpochNanos, double value, long samples, double statistic, double lower, double upper,
      double cusumHigh, double cusumLow, boolean outOfControl) {}

  /** {@code state} null: the evaluator has not yet observed this chart. */
  public record Result(String clause, String group, ChartParams params, ChartState state, double sigma, boolean warmedUp,
      boolean outOfControl, double statistic, List<Point> points) {}

  private final MetricSource source;
  private final MonitorStore monitor;

  public ChartView(Storage storage) {
    this.monitor = storage.monitorStore();
    this.source = new MetricSource(storage.metricStore(), storage.scoreMetricStore(), monitor, storage.sampleStore(),
        storage.signalStore());
  }

  /** The rule's chart clauses (empty: the rule has none). */
  public static List<Clause.Chart> charts(AlertRule rule) {
    return rule.condition().clauses().stream().filter(Clause.Chart.class::isInstance).map(Clause.Chart.class::cast).toList();
  }

  public Result view(long projectId, AlertRule rule, Clause.Chart c, String group, long now) {
    ControlChart chart = new ControlChart(c.params());
    Optional<ChartState> stored = monitor.chart(projectId, ClauseEvaluator.chartKey(rule, group, c));
    long window = rule.window().toNanos();
    long to = Math.floorDiv(now, window) * window;
    long from = to - POINTS * window;
    ChartState replay = stored.filter(chart::warmedUp)
        .map(s -> new ChartState(from, Math.max(c.params().warmup(), s.observations() - POINTS), s.mean(), s.m2(), s.mean(), 0, 0))
        .orElse(ChartState.start(from));
    int min = Math.max(1, rule.minSamples());
    List<Point> points = new ArrayList<>();
    for (MetricSource.Reading r : source.series(projectId, c.metric(), AlertEvaluator.slice(rule, group), from, to, rule.window())) {
      if (r.samples() < min) continue;
      replay = chart.observe(replay, r.value(), r.bucketStartEpochNanos() + window);
      points.add(point(chart, replay, r));
    }
    ChartState state = stored.orElse(null);
    boolean warm = state != null && chart.warmedUp(state);
    double statistic = !warm ? Double.NaN
        : c.params().kind() == ChartParams.Kind.EWMA ? state.ewma() : Math.max(state.cusumHigh(), state.cusumLow());
    return new Result(c.toString(), group, c.params(), state, state == null ? Double.NaN : chart.sigma(state), warm,
        warm && chart.outOfControl(state), statistic, points);
  }

  private static Point point(ControlChart chart, ChartState s, MetricSource.Reading r) {
    long end = s.lastEpochNanos();
    if (!chart.warmedUp(s)) return new Point(end, r.value(), r.samples(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    boolean out = chart.outOfControl(s);
    if (chart.params().kind() == ChartParams.Kind.EWMA) {
      double hw = chart.halfWidth(s);
      return new Point(end, r.value(), r.samples(), s.ewma(), s.mean() - hw, s.mean() + hw, Double.NaN, Double.NaN, out);
    }
    return new Point(end, r.value(), r.samples(), Math.max(s.cusumHigh(), s.cusumLow()), Double.NaN, chart.params().h(),
        s.cusumHigh(), s.cusumLow(), out);
  }
}
