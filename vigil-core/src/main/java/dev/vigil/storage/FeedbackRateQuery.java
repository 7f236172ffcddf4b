package dev.vigil.storage;

import java.time.Duration;

/**
 * Feedback rates over the traces matching {@code filter}: a trace belongs to the window when its root
 * starts in [from, to), and to the slice when any of its spans matches the dimensions and tags
 * (as in trace search); {@code errors} keeps traces with (or without) a failed span; latency bounds
 * apply to the root's duration. Cost, token and text conditions are not supported here.
 * {@code bucket} (null: one bucket for the whole range) buckets traces by their root's start on
 * epoch-aligned boundaries. A rating counts as positive at {@code positiveRatingAtLeast} or more,
 * negative below it.
 */
public record FeedbackRateQuery(SpanFilter filter, Duration bucket, double positiveRatingAtLeast) {
  public static final double DEFAULT_POSITIVE_RATING = 4;

  public FeedbackRateQuery {
    if (filter == null) throw new IllegalArgumentException("filter is required");
    if (filter.text() != null || filter.minCost() != null || filter.maxCost() != null
        || filter.minTokens() != null || filter.maxTokens() != null) {
      throw new IllegalArgumentException("feedback metrics filter by time, dimensions, tags, errors and latency; "
          + "not by cost, tokens or text (q)");
    }
    if (!Double.isFinite(positiveRatingAtLeast)) throw new IllegalArgumentException("positive rating threshold must be finite");
    if (bucket != null) {
      if (bucket.compareTo(MetricQuery.MIN_BUCKET) < 0 || bucket.compareTo(MetricQuery.MAX_BUCKET) > 0) {
        throw new IllegalArgumentException("bucket must be between 1m and 1d");
      }
      if (bucket.toSeconds() % 60 != 0) throw new IllegalArgumentException("bucket must be whole minutes");
      long buckets = (filter.toEpochNanos() - filter.fromEpochNanos()) / bucket.toNanos();
      if (buckets > MetricQuery.MAX_BUCKETS) {
        throw new IllegalArgumentException("range/bucket gives " + buckets + " buckets; at most "
            + MetricQuery.MAX_BUCKETS + " allowed, use a larger bucket");
      }
    }
  }

  public static FeedbackRateQuery of(SpanFilter filter) {
    return new FeedbackRateQuery(filter, null, DEFAULT_POSITIVE_RATING);
  }
}
