package dev.vigil.storage;

import java.time.Duration;

/**
 * Aggregates of the scores named {@code name} dated in the filter's range. Only the filter's range,
 * dimension equalities and tags apply (they select the scored spans). {@code bucket} null gives one
 * bucket for the whole range (what an alert rule reads). {@code groupBy} (nullable) splits rows by a
 * span dimension, keeping the {@code limit} groups with most scores. {@code threshold} (nullable)
 * defines "pass" for numeric scores ({@code value >= threshold}) and the share below it.
 * {@code bins} is the numeric histogram's resolution.
 */
public record ScoreMetricQuery(
    SpanFilter filter,
    String name,
    Duration bucket,
    Dimension groupBy,
    Double threshold,
    int limit,
    int bins) {

  public static final int MAX_BINS = 100;

  public ScoreMetricQuery {
    if (filter == null) throw new IllegalArgumentException("filter is required");
    if (name == null || name.isBlank()) throw new IllegalArgumentException("'name' (the score name) is required");
    if (limit < 1 || limit > 100) throw new IllegalArgumentException("limit must be between 1 and 100");
    if (bins < 1 || bins > MAX_BINS) throw new IllegalArgumentException("bins must be between 1 and " + MAX_BINS);
    if (threshold != null && !Double.isFinite(threshold)) throw new IllegalArgumentException("threshold must be a finite number");
    if (filter.errorsOnly() != null || filter.minLatencyMs() != null || filter.maxLatencyMs() != null
        || filter.minCost() != null || filter.maxCost() != null || filter.minTokens() != null
        || filter.maxTokens() != null || filter.text() != null) {
      throw new IllegalArgumentException("score metrics filter by time, dimensions and tags only");
    }
    // the same bucket rules as span metrics, checked by the same record
    if (bucket != null) new MetricQuery(filter, null, bucket, null, null, 1);
  }

  public static ScoreMetricQuery of(SpanFilter filter, String name, Duration bucket) {
    return new ScoreMetricQuery(filter, name, bucket, null, null, 20, 10);
  }
}
