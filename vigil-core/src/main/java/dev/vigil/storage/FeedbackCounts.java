package dev.vigil.storage;

import dev.vigil.model.FeedbackKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * Feedback over one bucket of traces. Trace counts ({@code traces*}) say how many traces got at
 * least one signal of a kind; {@code items} counts the signals themselves, by kind. {@code positive}
 * and {@code negative} count polar explicit signals: thumbs, and ratings against the query's threshold.
 * Rates are null when their denominator is zero, so "no data" never reads as 0 %.
 */
public record FeedbackCounts(
    long bucketStartEpochNanos,
    long traces,
    long tracesWithFeedback,
    long tracesWithExplicit,
    long positive,
    long negative,
    long tracesCorrected,
    long tracesFollowedUp,
    long tracesAbandoned,
    long tracesCopied,
    Map<FeedbackKind, Long> items) {

  public FeedbackCounts {
    Map<FeedbackKind, Long> all = new EnumMap<>(FeedbackKind.class);
    for (FeedbackKind k : FeedbackKind.values()) all.put(k, items == null ? 0L : items.getOrDefault(k, 0L));
    items = Map.copyOf(all);
  }

  /** Explicit kinds: the user said what they think. The rest are inferred from behaviour. */
  public static boolean explicit(FeedbackKind kind) {
    return switch (kind) {
      case THUMBS_UP, THUMBS_DOWN, RATING, COMMENT, CORRECTION -> true;
      case FOLLOW_UP, ABANDONED, COPIED -> false;
    };
  }

  /** positive / (positive + negative). */
  public Double positiveRate() {
    return ratio(positive, positive + negative);
  }

  /** Share of traces with any explicit feedback. */
  public Double coverage() {
    return ratio(tracesWithExplicit, traces);
  }

  public Double correctionRate() {
    return ratio(tracesCorrected, traces);
  }

  public Double followUpRate() {
    return ratio(tracesFollowedUp, traces);
  }

  public Double abandonmentRate() {
    return ratio(tracesAbandoned, traces);
  }

  public Double copyRate() {
    return ratio(tracesCopied, traces);
  }

  /** The sum of two buckets' counts (bucket start of this one): counts are per trace, so they add up. */
  public FeedbackCounts plus(FeedbackCounts o) {
    Map<FeedbackKind, Long> sum = new EnumMap<>(items);
    o.items.forEach((k, v) -> sum.merge(k, v, Long::sum));
    return new FeedbackCounts(bucketStartEpochNanos, traces + o.traces, tracesWithFeedback + o.tracesWithFeedback,
        tracesWithExplicit + o.tracesWithExplicit, positive + o.positive, negative + o.negative,
        tracesCorrected + o.tracesCorrected, tracesFollowedUp + o.tracesFollowedUp,
        tracesAbandoned + o.tracesAbandoned, tracesCopied + o.tracesCopied, sum);
  }

  public static FeedbackCounts empty(long bucketStartEpochNanos) {
    return new FeedbackCounts(bucketStartEpochNanos, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
  }

  private static Double ratio(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }
}
