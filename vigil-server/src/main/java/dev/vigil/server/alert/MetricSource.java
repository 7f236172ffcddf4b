package dev.vigil.server.alert;

import dev.vigil.server.watch.DriftService;
import dev.vigil.server.watch.drift.DriftTest;
import dev.vigil.server.watch.drift.KsTest;
import dev.vigil.server.watch.drift.Psi;
import dev.vigil.server.watch.drift.Verdict;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.FeedbackCounts;
import dev.vigil.storage.FeedbackRateQuery;
import dev.vigil.storage.FeedbackRates;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.MetricStore;
import dev.vigil.storage.MonitorStore;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.ScoreMetricQuery;
import dev.vigil.storage.ScoreMetricStore;
import dev.vigil.storage.ScoreMetrics;
import dev.vigil.storage.SignalStore;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TimedValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link MetricRef} for a slice: one value over a range, or a bucketed series (trends, control
 * charts). Window metrics come from the metric store, score aggregates from the score metric store
 * (the same query the score trends use), thumbs feedback from the monitor store, averaged here.
 */
final class MetricSource {
  /** The most thumbs one reading looks at; beyond that the newest are left out. */
  private static final int MAX_VALUES = 200_000;
  private static final long DAY = Duration.ofDays(1).toNanos();

  /** A value and how many observations (calls, scores, feedback) it rests on. */
  record Reading(long bucketStartEpochNanos, double value, long samples) {}

  private final MetricStore metrics;
  private final ScoreMetricStore scores;
  private final MonitorStore monitor;
  private final SampleStore samples;
  private final SignalStore signals;

  MetricSource(MetricStore metrics, ScoreMetricStore scores, MonitorStore monitor, SampleStore samples, SignalStore signals) {
    this.metrics = metrics;
    this.scores = scores;
    this.monitor = monitor;
    this.samples = samples;
    this.signals = signals;
  }

  /** The metric over [from, to), or null when the range holds nothing to compute it from. */
  Reading read(long projectId, MetricRef ref, Map<Dimension, List<String>> slice, long from, long to) {
    if (ref instanceof MetricRef.DailyCost) from = to - DAY;
    List<Reading> one = series(projectId, ref, slice, from, to, null);
    return one.isEmpty() ? null : one.get(0);
  }

  /** The metric per bucket over [from, to) (bucket null: one reading for the whole range); empty buckets are left out. */
  List<Reading> series(long projectId, MetricRef ref, Map<Dimension, List<String>> slice, long from, long to, Duration bucket) {
    SpanFilter filter = new SpanFilter(from, to, slice, List.of(), null, null, null, null, null, null, null, null);
    return switch (ref) {
      case MetricRef.Window w -> windows(projectId, filter, bucket, w.metric());
      case MetricRef.DailyCost d -> windows(projectId, filter, bucket, RuleMetric.COST);
      case MetricRef.ScoreAggregate s -> scores(projectId, s, filter, bucket);
      case MetricRef.PositiveFeedback f -> buckets(monitor.thumbsValues(projectId, filter, MAX_VALUES), from, bucket,
          v -> Arrays.stream(v).average().orElse(Double.NaN));
      case MetricRef.Drift d -> bucket != null ? List.of() : drift(projectId, d, slice, from, to);
      case MetricRef.FeedbackRate f -> feedback(projectId, f.rate(), filter, bucket);
    };
  }

  /** One reading per bucket (or for the whole range) with scores to aggregate; samples: those scores. */
  private List<Reading> scores(long projectId, MetricRef.ScoreAggregate s, SpanFilter filter, Duration bucket) {
    MetricRef.Aggregate a = s.aggregate();
    ScoreMetricQuery q = new ScoreMetricQuery(filter, s.score(), bucket, null, a.threshold(s.argument()), 1, 1);
    List<Reading> out = new ArrayList<>();
    for (ScoreMetrics.Row row : scores.series(projectId, q)) {
      Double v = a.of(row);
      long n = a.samples(row);
      if (v != null && n > 0) out.add(new Reading(row.bucketStartEpochNanos(), v, n));
    }
    return out;
  }

  /** One reading per bucket (or for the whole range) that has traces; its samples are the traces. */
  private List<Reading> feedback(long projectId, MetricRef.FeedbackRate.Rate rate, SpanFilter filter, Duration bucket) {
    FeedbackRates rates = signals.feedbackRates(projectId,
        new FeedbackRateQuery(filter, bucket, FeedbackRateQuery.DEFAULT_POSITIVE_RATING));
    List<FeedbackCounts> counts = bucket == null ? List.of(rates.total()) : rates.buckets();
    List<Reading> out = new ArrayList<>();
    for (FeedbackCounts c : counts) {
      Double v = rate.of(c);
      if (v != null) out.add(new Reading(bucket == null ? filter.fromEpochNanos() : c.bucketStartEpochNanos(), v, c.traces()));
    }
    return out;
  }

  /**
   * The window's values against the week before it, on capped uniform samples as the drift report
   * uses; no reading while either side is too small for the test to give a verdict (PSI on a handful
   * of values is large by chance alone). Samples: the smaller side's count.
   */
  private List<Reading> drift(long projectId, MetricRef.Drift d, Map<Dimension, List<String>> slice, long from, long to) {
    long baseFrom = from - MetricRef.Drift.BASELINE.toNanos();
    SpanFilter base = new SpanFilter(baseFrom, from, slice, List.of(), null, null, null, null, null, null, null, null);
    SpanFilter current = new SpanFilter(from, to, slice, List.of(), null, null, null, null, null, null, null, null);
    double[] b = samples.values(projectId, base, d.field(), DriftService.SAMPLE).values();
    double[] c = samples.values(projectId, current, d.field(), DriftService.SAMPLE).values();
    DriftTest t = d.test().equals("psi") ? Psi.test(d.text(), b, c) : KsTest.test(d.text(), b, c);
    if (t.verdict() == Verdict.INSUFFICIENT_DATA || t.statistic() == null) return List.of();
    return List.of(new Reading(from, t.statistic(), Math.min(b.length, c.length)));
  }

  private List<Reading> windows(long projectId, SpanFilter filter, Duration bucket, RuleMetric metric) {
    List<MetricRow> rows = metrics.query(projectId, new MetricQuery(filter, MetricScope.LLM_CALLS, bucket, List.of(),
        MetricOrder.COUNT, 1));
    List<Reading> out = new ArrayList<>();
    for (MetricRow row : rows) {
      Double v = metric.of(row);
      if (v != null && row.count() > 0) out.add(new Reading(row.bucketStartEpochNanos(), v, row.count()));
    }
    return out;
  }

  private static List<Reading> buckets(List<TimedValue> values, long from, Duration bucket,
      java.util.function.ToDoubleFunction<double[]> aggregate) {
    long size = bucket == null ? 0 : bucket.toNanos();
    TreeMap<Long, List<Double>> byBucket = new TreeMap<>();
    for (TimedValue v : values) {
      long start = size == 0 ? from : Math.floorDiv(v.epochNanos(), size) * size;
      byBucket.computeIfAbsent(start, k -> new ArrayList<>()).add(v.value());
    }
    List<Reading> out = new ArrayList<>();
    byBucket.forEach((start, list) -> {
      double[] a = list.stream().mapToDouble(Double::doubleValue).toArray();
      double value = aggregate.applyAsDouble(a);
      if (!Double.isNaN(value)) out.add(new Reading(start, value, a.length));
    });
    return out;
  }
}
