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
 * Whether a metric query can be answered from rollups, and over which whole periods: the whole hours
 * [from, to) inside the range, of which the whole days [dayFrom, dayTo) are read from the daily
 * rollup when buckets are whole days (for the user ranking, from/to are whole days); the ragged
 * edges come from raw spans. Anything the
 * rollups do not key by (user, session, name, prompt, release, finish reason, tags, latency/cost/token
 * ranges, text) means raw.
 */
record RollupPlan(long from, long to, long dayFrom, long dayTo) {
  /**
   * Dimensions the span rollups are keyed by (STATUS through is_error, TYPE through span_type): what
   * dashboards and alert rules group and filter by. Each one more multiplies the rows a week holds.
   */
  static final Set<Dimension> ROLLED = EnumSet.of(Dimension.FEATURE, Dimension.SERVICE, Dimension.MODEL,
      Dimension.PROVIDER, Dimension.TYPE, Dimension.ENVIRONMENT, Dimension.STATUS);

  /** The whole hours of an hourly-rollup answer, or null when the raw scan must answer. */
  static RollupPlan hours(MetricQuery q) {
    SpanFilter f = q.filter();
    if (!onlyDimensions(f) || !ROLLED.containsAll(q.groupBy())) return null;
    for (var e : f.equals().entrySet()) if (!e.getValue().isEmpty() && !ROLLED.contains(e.getKey())) return null;
    if (q.bucket() != null && q.bucket().toNanos() % RollupSql.HOUR != 0) return null;
    RollupPlan hours = whole(f, RollupSql.HOUR);
    RollupPlan days = whole(f, RollupSql.DAY);
    if (hours == null) return null;
    if (days == null || q.bucket() != null && q.bucket().toNanos() % RollupSql.DAY != 0) {
      return new RollupPlan(hours.from, hours.to, hours.to, hours.to);
    }
    return new RollupPlan(hours.from, hours.to, days.from, days.to);
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
    return to > from ? new RollupPlan(from, to, from, to) : null;
  }
}
