package dev.vigil.server.alert;

import dev.vigil.model.AlertInstance;
import dev.vigil.model.AlertStatus;
import dev.vigil.server.alert.notify.Channel;
import dev.vigil.server.alert.notify.Notifications;
import dev.vigil.storage.MetricStore;
import dev.vigil.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a rule would have behaved over past days: the real {@link AlertEvaluator} is replayed step by
 * step with a clock that walks through the range, against in-memory alert state and an outbox that
 * keeps nothing, so the preview is the evaluator's own judgement and touches no live alert.
 */
public final class RulePreview {
  static final int MAX_STEPS = 2000;
  static final Duration MAX_RANGE = Duration.ofDays(31);

  /** The rule's metric for one group at the end of one evaluation window. */
  public record Point(long epochNanos, String group, double value) {}

  /** A stretch of time during which a group's alert was pending or firing; {@code toNanos} exclusive. */
  public record Interval(String group, AlertStatus status, long fromNanos, long toNanos) {}

  public record Result(long fromNanos, long toNanos, long stepNanos, List<Point> series, List<Interval> intervals) {}

  private final Storage storage;
  private final List<Channel> channels;

  public RulePreview(Storage storage, List<Channel> channels) {
    this.storage = storage;
    this.channels = channels;
  }

  /** Replays {@code rule} for one project at every {@code step} in (from, to]. */
  public Result run(long projectId, AlertRule rule, Instant from, Instant to, Duration step) {
    if (!from.isBefore(to)) throw new IllegalArgumentException("'from' must be before 'to'");
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) throw new IllegalArgumentException("the preview range is at most 31 days");
    if (step.compareTo(Duration.ofMinutes(1)) < 0) throw new IllegalArgumentException("'step' must be at least 1m");
    long stepNanos = step.toNanos();
    long fromNanos = dev.vigil.util.EpochNanos.of(from);
    long toNanos = dev.vigil.util.EpochNanos.of(to);
    if ((toNanos - fromNanos) / stepNanos > MAX_STEPS) {
      throw new IllegalArgumentException("'step' " + Durations.format(step) + " makes more than " + MAX_STEPS
          + " evaluations over the range; use a larger step");
    }
    StepClock clock = new StepClock(from);
    MemoryAlertStore state = new MemoryAlertStore();
    Notifications discard = new Notifications(new DiscardingOutbox(), channels, clock);
    // within a step the group list and the clauses may ask the same window query: ask the store once
    Map<String, List<dev.vigil.storage.MetricRow>> asked = new HashMap<>();
    MetricStore metrics = storage.metricStore();
    MetricStore once = (project, query) -> asked.computeIfAbsent(project + "\n" + query, k -> metrics.query(project, query));
    // control charts replay from scratch in memory: the live rule's chart state is not touched
    AlertEvaluator evaluator = new AlertEvaluator(once, storage.scoreMetricStore(), state, new ScratchCharts(storage.monitorStore()),
        storage.sampleStore(), storage.signalStore(), discard, clock, null, Silencer.NONE);
    List<Point> series = new ArrayList<>();
    List<Interval> intervals = new ArrayList<>();
    Map<String, Interval> open = new HashMap<>();
    for (long t = fromNanos + stepNanos; t <= toNanos; t += stepNanos) {
      clock.set(t);
      asked.clear();
      final long at = t;
      evaluator.evaluate(projectId, List.of(rule), (r, group, value) -> {
        if (value != null) series.add(new Point(at, group, value));
      });
      Map<String, AlertStatus> now = new HashMap<>();
      for (AlertInstance a : state.instances(projectId)) now.put(a.group(), a.status());
      for (var it = open.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (now.get(e.getKey()) != e.getValue().status()) {
          intervals.add(new Interval(e.getKey(), e.getValue().status(), e.getValue().fromNanos(), t));
          it.remove();
        }
      }
      now.forEach((group, status) -> open.putIfAbsent(group, new Interval(group, status, at, 0)));
    }
    long end = fromNanos + ((toNanos - fromNanos) / stepNanos) * stepNanos + stepNanos;
    open.values().forEach(i -> intervals.add(new Interval(i.group(), i.status(), i.fromNanos(), end)));
    intervals.sort(java.util.Comparator.comparingLong(Interval::fromNanos).thenComparing(Interval::group));
    return new Result(fromNanos, toNanos, stepNanos, series, intervals);
  }

  /** A clock the replay moves forward by hand. */
  private static final class StepClock extends java.time.Clock {
    private Instant now;

    StepClock(Instant start) {
      this.now = start;
    }

    void set(long epochNanos) {
      now = Instant.ofEpochSecond(0, epochNanos);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
