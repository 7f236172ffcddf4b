package dev.vigil.server.alert;

import dev.vigil.server.watch.chart.ChartParams;
import dev.vigil.server.watch.chart.ControlChart;
import dev.vigil.server.watch.trend.MannKendall;
import dev.vigil.storage.ChartState;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MonitorStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges one clause of a rule for one slice at one moment. Comparisons and trends are recomputed
 * from stored data each time; control charts take one observation per completed window and keep
 * their state in the monitor store, so a restart resumes them where they stopped.
 */
final class ClauseEvaluator {
  /** A trend needs this many non-empty minutes before it is judged. */
  static final int MIN_TREND_POINTS = 8;
  static final double TREND_ALPHA = 0.05;
  /** At most this many windows are caught up in one evaluation (after downtime, or a new rule's warm-up). */
  private static final int MAX_CATCH_UP = 2000;

  /** {@code value} null: not judgeable (too few samples, no baseline). */
  record Outcome(boolean holds, Double value, String text) {
    static Outcome noData(String why) {
      return new Outcome(false, null, why);
    }
  }

  private final MetricSource source;
  private final MonitorStore monitor;

  ClauseEvaluator(MetricSource source, MonitorStore monitor) {
    this.source = source;
    this.monitor = monitor;
  }

  Outcome evaluate(long projectId, AlertRule rule, Clause clause, String group, Map<Dimension, List<String>> slice, long now) {
    return switch (clause) {
      case Clause.Compare c -> compare(projectId, rule, c, slice, now);
      case Clause.Trend t -> trend(projectId, t, slice, now);
      case Clause.Chart c -> chart(projectId, rule, c, group, slice, now);
    };
  }

  private Outcome compare(long projectId, AlertRule rule, Clause.Compare c, Map<Dimension, List<String>> slice, long now) {
    long window = rule.window().toNanos();
    MetricSource.Reading current = source.read(projectId, c.metric(), slice, now - window, now);
    int min = Math.max(1, rule.minSamples());
    if (current == null || current.samples() < min) return Outcome.noData(c.metric().text() + ": fewer than " + min + " samples");
    String over = c.metric() instanceof MetricRef.DailyCost ? "the last 24h" : "the last " + Durations.format(rule.window());
    String text = String.format(Locale.ROOT, "%s is %s over %s", c.metric().text(), Conditions.value(current.value()), over);
    double threshold;
    switch (c.bound()) {
      case Clause.Bound.Fixed f -> threshold = f.value();
      case Clause.Bound.Budget b -> {
        threshold = b.factor() * rule.budget();
        text += String.format(Locale.ROOT, " (budget %s)", Conditions.value(rule.budget()));
      }
      case Clause.Bound.Baseline b -> {
        if (b.range() != null && b.range().to().toEpochMilli() * 1_000_000L > now) {
          return new Outcome(false, null, text + "; the baseline period " + b.range() + " is not over yet");
        }
        Double base = baseline(projectId, c.metric(), b, pinned(slice, b.pin()), now, window, min);
        if (base == null) return new Outcome(false, null, text + "; no baseline with " + min + " samples in " + b.describe());
        threshold = b.factor() * base;
        text += String.format(Locale.ROOT, " (baseline %s%s%s)", Conditions.value(base), b.sameHour() ? ", same hour of earlier weeks" : "",
            b.range() != null || b.pin() != null ? ", " + b.describe() : "");
      }
    }
    return new Outcome(c.comparison().holds(current.value(), threshold), current.value(), text);
  }

  /** Trailing: the period before the window, or the fixed range (sums scaled to the window's length); same hour: the same window 1, 2, … weeks back, averaged. */
  private Double baseline(long projectId, MetricRef metric, Clause.Bound.Baseline b, Map<Dimension, List<String>> slice,
      long now, long window, int min) {
    if (!b.sameHour()) {
      long from = b.range() == null ? now - b.period().toNanos() : b.range().from().toEpochMilli() * 1_000_000L;
      long to = b.range() == null ? now - window : b.range().to().toEpochMilli() * 1_000_000L;
      MetricSource.Reading r = source.read(projectId, metric, slice, from, to);
      if (r == null || r.samples() < min) return null;
      // sums (calls, cost, tokens) grow with the range: scale the period's sum to one window
      boolean additive = metric instanceof MetricRef.Window w && w.metric().additive();
      return additive ? r.value() * window / (double) (to - from) : r.value();
    }
    long week = Duration.ofDays(7).toNanos();
    double sum = 0;
    int weeks = 0;
    for (long back = week; back <= b.period().toNanos(); back += week) {
      MetricSource.Reading r = source.read(projectId, metric, slice, now - back - window, now - back);
      if (r != null && r.samples() >= min) {
        sum += r.value();
        weeks++;
      }
    }
    return weeks == 0 ? null : sum / weeks;
  }

  /** The rule's slice with the pinned dimension set to the pinned value (replacing any filter of the rule on it). */
  private static Map<Dimension, List<String>> pinned(Map<Dimension, List<String>> slice, Clause.Bound.Pin pin) {
    if (pin == null) return slice;
    Map<Dimension, List<String>> out = new EnumMap<>(Dimension.class);
    out.putAll(slice);
    out.put(pin.dimension(), List.of(pin.value()));
    return out;
  }

  private Outcome trend(long projectId, Clause.Trend t, Map<Dimension, List<String>> slice, long now) {
    long minute = Duration.ofMinutes(1).toNanos();
    long to = Math.floorDiv(now, minute) * minute; // whole minutes only: a partial one is noise
    List<MetricSource.Reading> points = source.series(projectId, t.metric(), slice, to - t.over().toNanos(), to, Duration.ofMinutes(1));
    if (points.size() < MIN_TREND_POINTS) return Outcome.noData("trend: fewer than " + MIN_TREND_POINTS + " minutes with data");
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (points.get(i).bucketStartEpochNanos() - points.get(0).bucketStartEpochNanos()) / (double) minute;
      y[i] = points.get(i).value();
    }
    MannKendall mk = MannKendall.test(x, y);
    String text = String.format(Locale.ROOT, "trend of %s over %s: %s per minute (Mann-Kendall S=%d, p=%.3g, %d minutes)",
        t.metric().text(), Durations.format(t.over()), Conditions.value(mk.senSlope()), mk.s(), mk.pValue(), mk.n());
    return new Outcome(mk.significant(t.decreasing(), TREND_ALPHA), mk.senSlope(), text);
  }

  private Outcome chart(long projectId, AlertRule rule, Clause.Chart c, String group, Map<Dimension, List<String>> slice, long now) {
    ControlChart chart = new ControlChart(c.params());
    long window = rule.window().toNanos();
    long aligned = Math.floorDiv(now, window) * window;
    String key = chartKey(rule, group, c);
    ChartState state = monitor.chart(projectId, key)
        .orElse(ChartState.start(aligned - (c.params().warmup() + 1L) * window));
    ChartState before = state;
    long from = Math.max(state.lastEpochNanos(), aligned - MAX_CATCH_UP * window);
    if (from < aligned) {
      int min = Math.max(1, rule.minSamples());
      for (MetricSource.Reading r : source.series(projectId, c.metric(), slice, from, aligned, rule.window())) {
        if (r.samples() >= min) state = chart.observe(state, r.value(), r.bucketStartEpochNanos() + window);
      }
      state = chart.skip(state, aligned);
    }
    if (!state.equals(before)) monitor.saveChart(projectId, key, state);
    String name = c.params().kind() == ChartParams.Kind.EWMA ? "ewma" : "cusum";
    if (!chart.warmedUp(state)) {
      return Outcome.noData(String.format(Locale.ROOT, "%s(%s) warming up: %d of %d windows", name, c.metric().text(),
          state.observations(), c.params().warmup()));
    }
    boolean out = chart.outOfControl(state);
    if (c.params().kind() == ChartParams.Kind.EWMA) {
      return new Outcome(out, state.ewma(), String.format(Locale.ROOT, "ewma(%s) is %s, %s the limits %s ± %s",
          c.metric().text(), Conditions.value(state.ewma()), out ? "outside" : "within", Conditions.value(state.mean()),
          Conditions.value(chart.halfWidth(state))));
    }
    double s = Math.max(state.cusumHigh(), state.cusumLow());
    return new Outcome(out, s, String.format(Locale.ROOT, "cusum(%s) is %s (%s), decision interval %s, in-control mean %s",
        c.metric().text(), Conditions.value(s), state.cusumHigh() >= state.cusumLow() ? "upward" : "downward",
        Conditions.value(c.params().h()), Conditions.value(state.mean())));
  }

  /** Where a chart clause keeps its state: one chart per rule, group and clause text. */
  static String chartKey(AlertRule rule, String group, Clause.Chart c) {
    return rule.name() + '\n' + group + '\n' + c;
  }

  static List<Outcome> all(ClauseEvaluator e, long projectId, AlertRule rule, String group, Map<Dimension, List<String>> slice, long now) {
    List<Outcome> out = new ArrayList<>();
    for (Clause c : rule.condition().clauses()) out.add(e.evaluate(projectId, rule, c, group, slice, now));
    return out;
  }
}
