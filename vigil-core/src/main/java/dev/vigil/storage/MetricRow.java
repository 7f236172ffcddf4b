package dev.vigil.storage;

import java.util.Map;

/**
 * One bucket of one group. Latencies are milliseconds; percentiles are null when the bucket has no
 * values. {@code cost} sums priced calls only; {@code unpriced} counts the calls it could not include.
 */
public record MetricRow(
    long bucketStartEpochNanos,
    Map<Dimension, String> group,
    long count,
    long errors,
    long refusals,
    Double latencyP50Ms,
    Double latencyP95Ms,
    Double latencyP99Ms,
    Double ttftP50Ms,
    Double ttftP95Ms,
    long inputTokens,
    long outputTokens,
    Double cost,
    long unpriced) {

  public MetricRow {
    // a group value is null for spans without that dimension (no user, no model), so not Map.copyOf
    group = group == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
  }

  public double errorRate() {
    return count == 0 ? 0 : (double) errors / count;
  }

  public double refusalRate() {
    return count == 0 ? 0 : (double) refusals / count;
  }
}
