package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Window metrics bucketed on epoch-aligned boundaries and grouped by up to three dimensions. When
 * grouping, only the top groups (ranked over the whole range) are kept, so a high-cardinality
 * dimension like user cannot explode the result. Low-cardinality groups are aggregated in one pass
 * and ranked afterwards; others are ranked first so percentiles are computed for the top groups only.
 */
final class SelectMetrics {
  private SelectMetrics() {}

  /** {@code minRollupSpans}: the least spans in whole hours (days) for which rollups answer instead. */
  static List<MetricRow> query(Connection conn, long projectId, MetricQuery q, long minRollupSpans) throws SQLException {
    List<MetricRow> rolled = SelectRollupMetrics.query(conn, projectId, q, minRollupSpans);
    if (rolled != null) return rolled;
    List<String> topUsers = SelectRollupUsers.top(conn, projectId, q, minRollupSpans);
    SpanFilterSql w = new SpanFilterSql(projectId, q.filter(), 0).dimensions(q.filter()).spanRanges(q.filter());
    switch (q.scope()) {
      case LLM_CALLS -> w.and("span_type IN ('llm', 'embedding')");
      case TRACES -> w.and("parent_id IS NULL");
      case SPANS -> { }
    }
    List<String> groups = new ArrayList<>(); // aliases g0.. of the group expressions
    StringBuilder groupExprs = new StringBuilder();
    for (Dimension d : q.groupBy()) {
      groupExprs.append(", ").append(SpanFilterSql.COLUMNS.get(d)).append(" AS g").append(groups.size());
      groups.add("g" + groups.size());
    }
    long bucket = q.bucket() == null ? 0 : q.bucket().toNanos();
    // one bucket for the whole range starts at the range's start, a bound parameter
    String bucketExpr = bucket == 0 ? "CAST(? AS BIGINT)" : "(start_ns // " + bucket + ") * " + bucket;
    List<Object> bucketParams = bucket == 0 ? List.of(q.filter().fromEpochNanos()) : List.of();
    List<Object> params = new ArrayList<>();
    String sql;
    if (topUsers != null) {
      if (topUsers.isEmpty()) return List.of();
      if (q.bucket() == null) return SelectRollupUsers.rows(conn, projectId, q, topUsers);
      // Users ranked from rollups: the rows of those users alone, from raw spans.
      params.addAll(bucketParams);
      params.addAll(w.params);
      String users = SelectRollupUsers.condition(topUsers, params);
      sql = "SELECT " + bucketExpr + " AS bucket" + groupExprs + ", " + AGGREGATES + " FROM span_index WHERE "
          + w.where() + " AND " + users + " GROUP BY ALL ORDER BY bucket, g0 NULLS LAST";
    } else if (groups.isEmpty() || aggregateFirst(q)) {
      params.addAll(bucketParams);
      params.addAll(w.params);
      String aggregate = "SELECT " + bucketExpr + " AS bucket" + groupExprs + ", " + AGGREGATES
          + " FROM span_index WHERE " + w.where() + " GROUP BY ALL HAVING count(*) > 0";
      // Few groups: aggregate once, then rank the groups over the aggregated rows.
      sql = groups.isEmpty() ? aggregate + " ORDER BY bucket"
          : "WITH agg AS MATERIALIZED (" + aggregate + "), top AS (SELECT " + String.join(", ", groups)
              + " FROM agg GROUP BY ALL ORDER BY " + rankOfAggregates(q) + " DESC NULLS LAST LIMIT " + q.limit()
              + ") SELECT agg.* FROM agg JOIN top ON " + matching("agg", groups) + order("agg", groups);
    } else {
      // Many groups (users, sessions) or a percentile order: rank over the rows first, then compute
      // the aggregates for the top groups only.
      params.addAll(w.params);
      params.addAll(bucketParams);
      sql = "WITH base AS NOT MATERIALIZED (SELECT start_ns, duration_ns, ttft_ns, is_error, is_refusal, "
          + "input_tokens, output_tokens, cost, cost_source" + groupExprs + " FROM span_index WHERE " + w.where()
          + "), top AS (SELECT " + String.join(", ", groups) + " FROM base GROUP BY ALL ORDER BY " + rank(q)
          + " DESC NULLS LAST LIMIT " + q.limit() + ") SELECT " + bucketExpr + " AS bucket, "
          + String.join(", ", groups.stream().map(g -> "base." + g).toList()) + ", " + AGGREGATES
          + " FROM base JOIN top ON " + matching("base", groups) + " GROUP BY ALL HAVING count(*) > 0" + order("base", groups);
    }
    List<MetricRow> rows = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int c = 1;
        long bucketStart = rs.getLong(c++);
        Map<Dimension, String> group = new EnumMap<>(Dimension.class);
        for (Dimension d : q.groupBy()) group.put(d, rs.getString(c++));
        long count = rs.getLong(c++);
        long errors = rs.getLong(c++);
        long refusals = rs.getLong(c++);
        Double[] latency = millis(rs.getArray(c++), 3);
        Double[] ttft = millis(rs.getArray(c++), 2);
        rows.add(new MetricRow(bucketStart, group, count, errors, refusals, latency[0], latency[1], latency[2],
            ttft[0], ttft[1], rs.getLong(c++), rs.getLong(c++), Sql.nullableDouble(rs, c++), rs.getLong(c)));
      }
    }
    return rows;
  }

  private static final String AGGREGATES = "count(*) AS n, count(*) FILTER (WHERE is_error) AS errors, "
      + "count(*) FILTER (WHERE is_refusal), quantile_cont(duration_ns, [0.5, 0.95, 0.99]), "
      + "quantile_cont(ttft_ns, [0.5, 0.95]), sum(coalesce(input_tokens, 0)) AS tokens_in, "
      + "sum(coalesce(output_tokens, 0)) AS tokens_out, sum(cost) AS cost_sum, "
      + "count(*) FILTER (WHERE cost_source = 'unpriced')";

  /** Dimensions with few values, where aggregating every group before ranking is cheap. */
  private static final Set<Dimension> FEW_VALUES = EnumSet.complementOf(
      EnumSet.of(Dimension.USER, Dimension.SESSION, Dimension.NAME));

  private static boolean aggregateFirst(MetricQuery q) {
    return q.order() != MetricOrder.P95_LATENCY && FEW_VALUES.containsAll(q.groupBy());
  }

  /** The order's ranking over aggregated rows (sums of per-bucket counts and sums). */
  private static String rankOfAggregates(MetricQuery q) {
    return switch (q.order()) {
      case COUNT -> "sum(n)";
      case COST -> "sum(cost_sum)";
      case ERRORS -> "sum(errors)";
      case TOKENS -> "sum(tokens_in + tokens_out)";
      case P95_LATENCY -> throw new IllegalStateException("percentiles do not add up; rank over rows");
    };
  }

  private static String matching(String table, List<String> groups) {
    return String.join(" AND ", groups.stream()
        .map(g -> table + "." + g + " IS NOT DISTINCT FROM top." + g).toList());
  }

  private static String order(String table, List<String> groups) {
    StringBuilder sql = new StringBuilder(" ORDER BY bucket");
    for (String g : groups) sql.append(", ").append(table).append('.').append(g).append(" NULLS LAST");
    return sql.toString();
  }

  private static String rank(MetricQuery q) {
    return switch (q.order()) {
      case COUNT -> "count(*)";
      case COST -> "sum(cost)";
      case ERRORS -> "count(*) FILTER (WHERE is_error)";
      case P95_LATENCY -> "quantile_cont(duration_ns, 0.95)";
      case TOKENS -> "sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0))";
    };
  }

  private static Double[] millis(Array array, int n) throws SQLException {
    Double[] out = new Double[n];
    if (array == null) return out;
    Object[] values = (Object[]) array.getArray();
    for (int i = 0; i < n && i < values.length; i++) {
      out[i] = values[i] == null ? null : ((Number) values[i]).doubleValue() / 1_000_000d;
    }
    return out;
  }
}
