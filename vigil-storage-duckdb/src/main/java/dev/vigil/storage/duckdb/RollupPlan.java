package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.SpanFilter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a metric query can be answered from rollups, and over which whole periods: the hours (or
 * days, for the user ranking) inside the range; the ragged edges come from raw spans. Anything the
 * rollups do not key by (user, session, name, tags, latency/cost/token ranges, text) means raw.
 */
record RollupPlan(long from, long to) {
  /** Dimensions the hourly rollup is keyed by (STATUS through is_error, TYPE through span_type). */
  static final Set<Dimension> ROLLED = EnumSet.complementOf(EnumSet.of(Dimension.USER, Dimension.SESSION, Dimension.NAME));

  /** The whole hours of an hourly-rollup answer, or null when the raw scan must answer. */
  static RollupPlan hours(MetricQuery q) {
    SpanFilter f = q.filter();
    if (!onlyDimensions(f) || !ROLLED.containsAll(q.groupBy())) return null;
    for (var e : f.equals().entrySet()) if (!e.getValue().isEmpty() && !ROLLED.contains(e.getKey())) return null;
    if (q.bucket() != null && q.bucket().toNanos() % RollupSql.HOUR != 0) return null;
    return whole(f, RollupSql.HOUR);
  }

  /** The whole days over which users are ranked from the daily user rollup, or null. */
  static RollupPlan userDays(MetricQuery q) {
    SpanFilter f = q.filter();
    if (!q.groupBy().equals(List.of(Dimension.USER)) || q.scope() != MetricScope.LLM_CALLS
        || q.order() == MetricOrder.P95_LATENCY || !onlyDimensions(f) || f.errorsOnly() != null
        || SpanFilterSql.hasDimensions(f)) {
      return null;
    }
    return whole(f, RollupSql.DAY);
  }

  /** No conditions beyond time, dimension equality and errors (which hourly rollups key by). */
  private static boolean onlyDimensions(SpanFilter f) {
    return f.tags().isEmpty() && f.text() == null && f.minLatencyMs() == null && f.maxLatencyMs() == null
        && f.minCost() == null && f.maxCost() == null && f.minTokens() == null && f.maxTokens() == null;
  }

  private static RollupPlan whole(SpanFilter f, long period) {
    long from = Math.ceilDiv(f.fromEpochNanos(), period) * period;
    long to = Math.floorDiv(f.toEpochNanos(), period) * period;
    return to > from ? new RollupPlan(from, to) : null;
  }
}
