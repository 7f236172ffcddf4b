package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Window metrics: one pass over the matching rows, bucketed on epoch-aligned boundaries and grouped
 * by up to three dimensions. When grouping, only the top groups (ranked over the whole range) are
 * kept, so a high-cardinality dimension like user cannot explode the result.
 */
final class SelectMetrics {
  private SelectMetrics() {}

  static List<MetricRow> query(Connection conn, long projectId, MetricQuery q) throws SQLException {
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
    String bucketExpr = bucket == 0 ? "CAST(? AS BIGINT)" : "(start_ns // " + bucket + ") * " + bucket;
    List<Object> params = new ArrayList<>();
    // Only the columns the aggregates read, and never materialized: the CTE is read twice when grouping.
    StringBuilder sql = new StringBuilder("WITH base AS NOT MATERIALIZED (SELECT start_ns, duration_ns, ttft_ns, "
        + "is_error, is_refusal, input_tokens, output_tokens, cost, cost_source").append(groupExprs)
        .append(" FROM span_index WHERE ").append(w.where()).append(")");
    params.addAll(w.params);
    if (!groups.isEmpty()) {
      sql.append(", top AS (SELECT ").append(String.join(", ", groups)).append(" FROM base GROUP BY ALL ORDER BY ")
          .append(rank(q)).append(" DESC NULLS LAST LIMIT ").append(q.limit()).append(")");
    }
    sql.append(" SELECT ").append(bucketExpr).append(" AS bucket");
    if (bucket == 0) params.add(q.filter().fromEpochNanos());
    for (String g : groups) sql.append(", base.").append(g);
    sql.append(", count(*), count(*) FILTER (WHERE is_error), count(*) FILTER (WHERE is_refusal), "
        + "quantile_cont(duration_ns, [0.5, 0.95, 0.99]), quantile_cont(ttft_ns, [0.5, 0.95]), "
        + "sum(coalesce(input_tokens, 0)), sum(coalesce(output_tokens, 0)), sum(cost), "
        + "count(*) FILTER (WHERE cost_source = 'unpriced') FROM base");
    if (!groups.isEmpty()) {
      sql.append(" JOIN top ON ");
      for (int i = 0; i < groups.size(); i++) {
        if (i > 0) sql.append(" AND ");
        sql.append("base.").append(groups.get(i)).append(" IS NOT DISTINCT FROM top.").append(groups.get(i));
      }
    }
    sql.append(" GROUP BY ALL HAVING count(*) > 0 ORDER BY bucket");
    for (String g : groups) sql.append(", base.").append(g).append(" NULLS LAST");
    List<MetricRow> rows = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
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
