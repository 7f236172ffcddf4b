package dev.vigil.storage.duckdb;

import dev.vigil.storage.ScoreMetricQuery;
import dev.vigil.storage.ScoreMetrics;
import dev.vigil.storage.SpanFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Score aggregates. Without slice filters or a group-by only {@code score_rows} is read. With them a
 * score is joined to its span in {@code span_index} (by the integer id halves the index stores), or
 * to the matching spans of its trace when it has no span id, once per group. Scores are dated by their span's start (the
 * pipeline) or when posted (the API), so spans are looked up from a day before the range on.
 */
final class SelectScoreMetrics {
  private SelectScoreMetrics() {}

  static final long SPAN_LOOKBACK_NANOS = 86_400_000_000_000L;

  static ScoreMetrics query(Connection conn, long projectId, ScoreMetricQuery q) throws SQLException {
    List<Object> params = new ArrayList<>();
    String scored = scored(projectId, q, params);
    List<ScoreMetrics.Row> rows = rows(conn, scored, params, q);
    List<ScoreMetrics.Bin> bins = histogram(conn, scored, params, q.bins());
    return new ScoreMetrics(rows, bins, labels(conn, scored, params));
  }

  /** The rows alone. */
  static List<ScoreMetrics.Row> series(Connection conn, long projectId, ScoreMetricQuery q) throws SQLException {
    List<Object> params = new ArrayList<>();
    String scored = scored(projectId, q, params);
    return rows(conn, scored, params, q);
  }

  /** A SELECT of (time_ns, data_type, value, label, grp) for the matching scores; fills {@code params}. */
  private static String scored(long projectId, ScoreMetricQuery q, List<Object> params) {
    SpanFilter f = q.filter();
    String scores = "SELECT id, time_ns, data_type, value, label, trace_hi, trace_lo, span, whole_trace FROM score_rows "
        + "WHERE project_id = ? AND name = ? AND time_ns >= ? AND time_ns < ?";
    params.add(projectId);
    params.add(q.name());
    params.add(f.fromEpochNanos());
    params.add(f.toEpochNanos());
    if (q.groupBy() == null && !SpanFilterSql.hasDimensions(f)) {
      return "SELECT time_ns, data_type, value, label, NULL::VARCHAR AS grp FROM (" + scores + ")";
    }
    SpanFilterSql w = new SpanFilterSql(projectId, f, 0).dimensions(f);
    w.params.set(1, f.fromEpochNanos() - SPAN_LOOKBACK_NANOS);
    String grp = q.groupBy() == null ? "NULL::VARCHAR" : SpanFilterSql.COLUMNS.get(q.groupBy());
    params.addAll(w.params);
    // a trace-level score may meet several matching spans of its trace: DISTINCT counts it once per group
    return "SELECT time_ns, data_type, value, label, grp FROM (SELECT DISTINCT s.id, s.time_ns, s.data_type, s.value, "
        + "s.label, sp.grp FROM (" + scores + ") s JOIN (SELECT trace_hi, trace_lo, span_id, "
        + grp + " AS grp FROM span_index WHERE " + w.where() + ") sp "
        + "ON sp.trace_hi = s.trace_hi AND sp.trace_lo = s.trace_lo AND (s.whole_trace OR s.span = sp.span_id))";
  }

  private static List<ScoreMetrics.Row> rows(Connection conn, String scored, List<Object> scoredParams, ScoreMetricQuery q)
      throws SQLException {
    long bucket = q.bucket() == null ? 0 : q.bucket().toNanos();
    String bucketExpr = bucket == 0 ? "CAST(? AS BIGINT)" : "(time_ns // " + bucket + ") * " + bucket;
    String thr = q.threshold() == null ? "NULL::DOUBLE" : "CAST(? AS DOUBLE)";
    String topGroups = q.groupBy() == null ? ""
        : " WHERE grp IN (SELECT grp FROM scored WHERE grp IS NOT NULL GROUP BY grp ORDER BY count(*) DESC, grp LIMIT "
            + q.limit() + ")";
    String sql = "WITH scored AS MATERIALIZED (" + scored
        + ") SELECT " + bucketExpr + " AS bucket, grp, count(*), avg(value), quantile_cont(value, 0.5), "
        + "quantile_cont(value, 0.9), min(value), "
        + "count(*) FILTER (WHERE data_type = 'boolean' OR label IN ('pass', 'fail') OR (data_type = 'numeric' AND value IS NOT NULL AND " + thr + " IS NOT NULL)), "
        + "count(*) FILTER (WHERE (data_type = 'boolean' AND value = 1) OR label = 'pass' OR (data_type = 'numeric' AND value >= " + thr + ")), "
        + "count(value), count(*) FILTER (WHERE value < " + thr + ") FROM scored" + topGroups
        + " GROUP BY ALL ORDER BY bucket, grp NULLS FIRST";
    // bound in text order: the CTE's, the bucket start, then the threshold's three uses (columns: bucket, grp,
    // count, mean, p50, p90, min, passable, passed, valued, below)
    List<Object> ordered = new ArrayList<>(scoredParams);
    if (bucket == 0) ordered.add(q.filter().fromEpochNanos());
    if (q.threshold() != null) for (int i = 0; i < 3; i++) ordered.add(q.threshold());
    List<ScoreMetrics.Row> out = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, ordered); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long passable = rs.getLong(8);
        long valued = rs.getLong(10);
        out.add(new ScoreMetrics.Row(rs.getLong(1), rs.getString(2), rs.getLong(3), valued, passable,
            Sql.nullableDouble(rs, 4), Sql.nullableDouble(rs, 5), Sql.nullableDouble(rs, 6), Sql.nullableDouble(rs, 7),
            passable == 0 ? null : (double) rs.getLong(9) / passable,
            q.threshold() == null || valued == 0 ? null : (double) rs.getLong(11) / valued));
      }
    }
    return out;
  }

  /** Equal-width bins between the smallest and largest numeric value. */
  private static List<ScoreMetrics.Bin> histogram(Connection conn, String scored, List<Object> params, int bins)
      throws SQLException {
    double min;
    double max;
    try (PreparedStatement ps = Sql.prepare(conn, "SELECT min(value), max(value) FROM (" + scored
        + ") WHERE data_type = 'numeric' AND value IS NOT NULL", params); ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getObject(1) == null) return List.of();
      min = rs.getDouble(1);
      max = rs.getDouble(2);
    }
    int n = max == min ? 1 : bins;
    double width = max == min ? 1 : (max - min) / n;
    long[] counts = new long[n];
    List<Object> p = new ArrayList<>(params);
    String sql = "SELECT least(CAST(floor((value - " + min + ") / " + width + ") AS BIGINT), " + (n - 1)
        + ") AS b, count(*) FROM (" + scored + ") WHERE data_type = 'numeric' AND value IS NOT NULL GROUP BY b";
    try (PreparedStatement ps = Sql.prepare(conn, sql, p); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) counts[rs.getInt(1)] = rs.getLong(2);
    }
    List<ScoreMetrics.Bin> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double from = min + i * width;
      out.add(new ScoreMetrics.Bin(from, i == n - 1 ? Math.max(max, from) : min + (i + 1) * width, counts[i]));
    }
    return out;
  }

  private static Map<String, Long> labels(Connection conn, String scored, List<Object> params) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    String sql = "SELECT coalesce(label, CASE WHEN value = 1 THEN 'true' WHEN value = 0 THEN 'false' END) AS l, count(*) "
        + "FROM (" + scored + ") WHERE data_type IN ('categorical', 'boolean') GROUP BY l HAVING l IS NOT NULL ORDER BY count(*) DESC, l";
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
    }
    return out;
  }
}
