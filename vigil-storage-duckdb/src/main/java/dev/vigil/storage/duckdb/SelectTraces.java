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
 * (a semi-join); latency is the root's duration; cost and tokens are the trace's totals (a search
 * on them is {@link TraceTotalsRanking}'s). Totals for the page are computed afterwards for just its traces.
 */
final class SelectTraces {
  /** Children may start a little before or after their root (clock skew, long roots). */
  static final long SLACK_NANOS = 3_600_000_000_000L;
  private static final String TRACE = "trace_hi, trace_lo";

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
  record Root(long hi, long lo, String name, long start, long duration, String service, String feature,
      String userId, String sessionId, String tags, String promptVersion, String environment, Double cost) {
    String traceId() {
      return IdCodec.trace(hi, lo);
    }
  }

  static final String ROOT_COLUMNS = "r.trace_hi, r.trace_lo, r.name, r.start_ns, r.duration_ns, r.service, "
      + "r.feature, r.user_id, r.session_id, r.tags, r.prompt_version, r.environment";

  static Root root(ResultSet rs, Double cost) throws SQLException {
    return new Root(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), cost);
  }

  static List<Root> roots(Connection conn, long projectId, TraceQuery q, int limit) throws SQLException {
    SpanFilter f = q.filter();
    if (q.sort() == TraceSort.COSTLIEST || f.minCost() != null || f.maxCost() != null || f.minTokens() != null
        || f.maxTokens() != null) {
      return TraceTotalsRanking.roots(conn, projectId, q, limit);
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(ROOT_COLUMNS).append(" FROM span_index r");
    if (SpanFilterSql.hasDimensions(f)) {
      SpanFilterSql w = new SpanFilterSql(projectId, f, SLACK_NANOS).dimensions(f);
      sql.append(" SEMI JOIN (SELECT ").append(TRACE).append(" FROM span_index WHERE ").append(w.where())
          .append(") d USING (").append(TRACE).append(')');
      params.addAll(w.params);
    }
    if (f.errorsOnly() != null) {
      SpanFilterSql w = new SpanFilterSql(projectId, f, SLACK_NANOS).and("is_error");
      sql.append(f.errorsOnly() ? " SEMI JOIN" : " ANTI JOIN").append(" (SELECT ").append(TRACE)
          .append(" FROM span_index WHERE ").append(w.where()).append(") e USING (").append(TRACE).append(')');
      params.addAll(w.params);
    }
    sql.append(" WHERE r.project_id = ? AND r.parent_id IS NULL AND r.start_ns >= ? AND r.start_ns < ?");
    params.add(projectId);
    params.add(f.fromEpochNanos());
    params.add(f.toEpochNanos());
    SpanFilterSql.range(sql, params, "r.duration_ns", SpanFilterSql.scale(f.minLatencyMs()), SpanFilterSql.scale(f.maxLatencyMs()));
    order(sql, params, q, q.sort() == TraceSort.SLOWEST ? "r.duration_ns" : "r.start_ns", "r.");
    sql.append(" LIMIT ").append(limit);
    List<Root> roots = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) roots.add(root(rs, null));
    }
    return roots;
  }

  /**
   * Appends the cursor's condition (rows after it in the sort) and the ORDER BY: {@code sortExpr},
   * then the trace id as the tie-break, its columns prefixed by {@code table}.
   */
  static void order(StringBuilder sql, List<Object> params, TraceQuery q, String sortExpr, String table) {
    String dir = q.sort() == TraceSort.OLDEST ? "ASC" : "DESC";
    String cmp = q.sort() == TraceSort.OLDEST ? ">" : "<";
    String hiCol = table + "trace_hi";
    String loCol = table + "trace_lo";
    Cursor cursor = Cursor.decode(q.cursor());
    if (cursor != null) {
      Object value = q.sort() == TraceSort.COSTLIEST ? (Object) cursor.sortDouble() : (Object) cursor.sortLong();
      long hi = traceHalf(cursor.id(), true);
      long lo = traceHalf(cursor.id(), false);
      sql.append(" AND (").append(sortExpr).append(' ').append(cmp).append(" ? OR (").append(sortExpr)
          .append(" = ? AND (").append(hiCol).append(' ').append(cmp).append(" ? OR (").append(hiCol).append(" = ? AND ")
          .append(loCol).append(' ').append(cmp).append(" ?))))");
      params.addAll(List.of(value, value, hi, hi, lo));
    }
    sql.append(" ORDER BY ").append(sortExpr).append(' ').append(dir).append(", ").append(hiCol).append(' ').append(dir)
        .append(", ").append(loCol).append(' ').append(dir);
  }

  private static long traceHalf(String traceId, boolean hi) {
    try {
      return hi ? IdCodec.traceHi(traceId) : IdCodec.traceLo(traceId);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor is not one this server issued");
    }
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
    for (Root r : roots) {
      minStart = Math.min(minStart, r.start());
      maxEnd = Math.max(maxEnd, r.start() + r.duration());
    }
    List<Object> params = new ArrayList<>(List.of(projectId, minStart - SLACK_NANOS, maxEnd + SLACK_NANOS));
    String sql = "SELECT trace_hi, trace_lo, count(*), count(*) FILTER (WHERE span_type IN ('llm', 'embedding')), "
        + "count(*) FILTER (WHERE is_error), sum(coalesce(input_tokens, 0)), sum(coalesce(output_tokens, 0)), "
        + "sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), "
        + "list_sort(list(DISTINCT model) FILTER (WHERE model IS NOT NULL)), max(start_ns + duration_ns) "
        + "FROM span_index WHERE project_id = ? AND start_ns >= ? AND start_ns < ? "
        + "AND " + Sql.traceIn(conn, "", roots.stream().map(Root::hi).toList(), roots.stream().map(Root::lo).toList(), params)
        + " GROUP BY trace_hi, trace_lo";
    Map<String, Root> rootById = new HashMap<>();
    for (Root r : roots) rootById.put(r.traceId(), r);
    Map<String, TraceSummary> byId = new HashMap<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Root r = rootById.get(IdCodec.trace(rs.getLong(1), rs.getLong(2)));
        if (r == null) continue; // another trace sharing a half with one of the page
        long end = Math.max(r.start() + r.duration(), rs.getLong(11));
        byId.put(r.traceId(), new TraceSummary(r.traceId(), r.name(), r.start(), end - r.start(),
            rs.getInt(3), rs.getInt(4), rs.getInt(5), r.service(), r.feature(), r.userId(), r.sessionId(),
            Sql.tags(r.tags()), Sql.strings(rs, 10), r.promptVersion(), r.environment(), rs.getLong(6),
            rs.getLong(7), Sql.nullableDouble(rs, 8), rs.getInt(9)));
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
