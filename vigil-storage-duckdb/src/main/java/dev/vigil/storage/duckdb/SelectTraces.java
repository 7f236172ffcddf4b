package dev.vigil.storage.duckdb;

import dev.vigil.storage.Page;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import dev.vigil.storage.TraceSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trace search. A trace is listed by its root span (a trace whose root has not arrived yet is still
 * in flight and not listed). Conditions on dimensions match when any span of the trace matches
 * (a semi-join); latency is the root's duration; cost and tokens are the trace's totals. Totals for
 * the page are computed afterwards for just its traces.
 */
final class SelectTraces {
  /** Children may start a little before or after their root (clock skew, long roots). */
  static final long SLACK_NANOS = 3_600_000_000_000L;

  private SelectTraces() {}

  static Page<TraceSummary> find(Connection conn, long projectId, TraceQuery q) throws SQLException {
    List<Root> roots = roots(conn, projectId, q, q.limit() + 1);
    boolean more = roots.size() > q.limit();
    if (more) roots = roots.subList(0, q.limit());
    List<TraceSummary> page = summarize(conn, projectId, roots);
    String next = more ? cursorAfter(q.sort(), roots.get(roots.size() - 1)).encode() : null;
    return new Page<>(page, next);
  }

  /** Root span fields plus the sort value, as listed before totals are added. */
  record Root(String traceId, String name, long start, long duration, String service, String feature,
      String userId, String sessionId, String tags, String promptVersion, String environment, Double cost) {}

  static List<Root> roots(Connection conn, long projectId, TraceQuery q, int limit) throws SQLException {
    SpanFilter f = q.filter();
    List<Object> params = new ArrayList<>();
    boolean needTotals = q.sort() == TraceSort.COSTLIEST || f.minCost() != null || f.maxCost() != null
        || f.minTokens() != null || f.maxTokens() != null;
    StringBuilder sql = new StringBuilder("SELECT r.trace_id, r.name, r.start_ns, r.duration_ns, r.service, r.feature, "
        + "r.user_id, r.session_id, r.tags, r.prompt_version, r.environment, ")
        .append(needTotals ? "t.trace_cost" : "NULL").append(" FROM span_index r");
    if (needTotals) {
      SpanFilterSql w = new SpanFilterSql(projectId, f, SLACK_NANOS);
      sql.append(" LEFT JOIN (SELECT trace_id, sum(cost) AS trace_cost, "
          + "sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)) AS trace_tokens FROM span_index WHERE ")
          .append(w.where()).append(" GROUP BY trace_id) t ON t.trace_id = r.trace_id");
      params.addAll(w.params);
    }
    sql.append(" WHERE r.project_id = ? AND r.parent_span_id IS NULL AND r.start_ns >= ? AND r.start_ns < ?");
    params.add(projectId);
    params.add(f.fromEpochNanos());
    params.add(f.toEpochNanos());
    if (SpanFilterSql.hasDimensions(f)) {
      SpanFilterSql w = new SpanFilterSql(projectId, f, SLACK_NANOS).dimensions(f);
      sql.append(" AND r.trace_id IN (SELECT trace_id FROM span_index WHERE ").append(w.where()).append(')');
      params.addAll(w.params);
    }
    if (f.errorsOnly() != null) {
      SpanFilterSql w = new SpanFilterSql(projectId, f, SLACK_NANOS).and("is_error");
      sql.append(f.errorsOnly() ? " AND r.trace_id IN" : " AND r.trace_id NOT IN")
          .append(" (SELECT trace_id FROM span_index WHERE ").append(w.where()).append(')');
      params.addAll(w.params);
    }
    SpanFilterSql.range(sql, params, "r.duration_ns", SpanFilterSql.scale(f.minLatencyMs()), SpanFilterSql.scale(f.maxLatencyMs()));
    SpanFilterSql.range(sql, params, "t.trace_cost", f.minCost(), f.maxCost());
    SpanFilterSql.range(sql, params, "t.trace_tokens", f.minTokens() == null ? null : f.minTokens().doubleValue(),
        f.maxTokens() == null ? null : f.maxTokens().doubleValue());
    String sortExpr = switch (q.sort()) {
      case NEWEST, OLDEST -> "r.start_ns";
      case SLOWEST -> "r.duration_ns";
      case COSTLIEST -> "coalesce(t.trace_cost, -1)";
    };
    String dir = q.sort() == TraceSort.OLDEST ? "ASC" : "DESC";
    String cmp = q.sort() == TraceSort.OLDEST ? ">" : "<";
    Cursor cursor = Cursor.decode(q.cursor());
    if (cursor != null) {
      Object value = q.sort() == TraceSort.COSTLIEST ? (Object) cursor.sortDouble() : (Object) cursor.sortLong();
      sql.append(" AND (").append(sortExpr).append(' ').append(cmp).append(" ? OR (").append(sortExpr)
          .append(" = ? AND r.trace_id ").append(cmp).append(" ?))");
      params.add(value);
      params.add(value);
      params.add(cursor.id());
    }
    sql.append(" ORDER BY ").append(sortExpr).append(' ').append(dir).append(", r.trace_id ").append(dir)
        .append(" LIMIT ").append(limit);
    List<Root> roots = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        roots.add(new Root(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getString(11), Sql.nullableDouble(rs, 12)));
      }
    }
    return roots;
  }

  static Cursor cursorAfter(TraceSort sort, Root last) {
    String value = switch (sort) {
      case NEWEST, OLDEST -> Long.toString(last.start());
      case SLOWEST -> Long.toString(last.duration());
      case COSTLIEST -> Double.toString(last.cost() == null ? -1 : last.cost());
    };
    return new Cursor(value, last.traceId());
  }

  /** Adds each trace's totals (spans, LLM calls, errors, tokens, cost, models) to its root. */
  static List<TraceSummary> summarize(Connection conn, long projectId, List<Root> roots) throws SQLException {
    if (roots.isEmpty()) return List.of();
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    List<Object> params = new ArrayList<>();
    params.add(projectId);
    for (Root r : roots) {
      minStart = Math.min(minStart, r.start());
      maxEnd = Math.max(maxEnd, r.start() + r.duration());
    }
    params.add(minStart - SLACK_NANOS);
    params.add(maxEnd + SLACK_NANOS);
    for (Root r : roots) params.add(SpanBatch.traceKey(r.traceId()));
    for (Root r : roots) params.add(r.traceId());
    String sql = "SELECT trace_id, count(*), count(*) FILTER (WHERE span_type IN ('llm', 'embedding')), "
        + "count(*) FILTER (WHERE is_error), sum(coalesce(input_tokens, 0)), sum(coalesce(output_tokens, 0)), "
        + "sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), "
        + "list_sort(list(DISTINCT model) FILTER (WHERE model IS NOT NULL)), max(start_ns + duration_ns) "
        + "FROM span_index WHERE project_id = ? AND start_ns >= ? AND start_ns < ? "
        + "AND trace_key IN (" + Sql.placeholders(roots.size()) + ") "
        + "AND trace_id IN (" + Sql.placeholders(roots.size()) + ") GROUP BY trace_id";
    Map<String, TraceSummary> byId = new HashMap<>();
    Map<String, Root> rootById = new HashMap<>();
    for (Root r : roots) rootById.put(r.traceId(), r);
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Root r = rootById.get(rs.getString(1));
        long end = Math.max(r.start() + r.duration(), rs.getLong(10));
        byId.put(r.traceId(), new TraceSummary(r.traceId(), r.name(), r.start(), end - r.start(),
            rs.getInt(2), rs.getInt(3), rs.getInt(4), r.service(), r.feature(), r.userId(), r.sessionId(),
            Sql.tags(r.tags()), Sql.strings(rs, 9), r.promptVersion(), r.environment(), rs.getLong(5),
            rs.getLong(6), Sql.nullableDouble(rs, 7), rs.getInt(8)));
      }
    }
    List<TraceSummary> out = new ArrayList<>(roots.size());
    for (Root r : roots) {
      TraceSummary s = byId.get(r.traceId());
      if (s != null) out.add(s);
    }
    return out;
  }
}
