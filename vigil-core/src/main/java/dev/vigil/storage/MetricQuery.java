package dev.vigil.storage;

import java.time.Duration;
import java.util.List;

/**
 * Window metrics over spans matching {@code filter}: bucketed by {@code bucket} (null: one bucket for
 * the whole range) and grouped by {@code groupBy}. {@code limit} keeps the top groups by {@code order}
 * (ranked over the whole range) and is required when grouping.
 */
public record MetricQuery(
    SpanFilter filter,
    MetricScope scope,
    Duration bucket,
    List<Dimension> groupBy,
    MetricOrder order,
    int limit) {

  public static final Duration MIN_BUCKET = Duration.ofMinutes(1);
  public static final Duration MAX_BUCKET = Duration.ofDays(1);
  public static final int MAX_BUCKETS = 10_000;

  public MetricQuery {
    if (filter == null) throw new IllegalArgumentException("filter is required");
    scope = scope == null ? MetricScope.LLM_CALLS : scope;
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    order = order == null ? MetricOrder.COUNT : order;
    if (groupBy.size() > 3) throw new IllegalArgumentException("group by at most 3 dimensions");
    if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000");
    if (bucket != null) {
      if (bucket.compareTo(MIN_BUCKET) < 0 || bucket.compareTo(MAX_BUCKET) > 0) {
        throw new IllegalArgumentException("bucket must be between 1m and 1d");
      }
      if (bucket.toSeconds() % 60 != 0) throw new IllegalArgumentException("bucket must be whole minutes");
      long buckets = (filter.toEpochNanos() - filter.fromEpochNanos()) / bucket.toNanos();
      if (buckets > MAX_BUCKETS) {
        throw new IllegalArgumentException("range/bucket gives " + buckets + " buckets; at most "
            + MAX_BUCKETS + " allowed, use a larger bucket");
      }
    }
  }
}
