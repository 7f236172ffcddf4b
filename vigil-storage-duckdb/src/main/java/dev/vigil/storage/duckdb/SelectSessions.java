package dev.vigil.storage.duckdb;

import dev.vigil.storage.Page;
import dev.vigil.storage.SessionSummary;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Sessions (conversations) with their totals, most recently active first; one session's traces. */
final class SelectSessions {
  private SelectSessions() {}

  static Page<SessionSummary> find(Connection conn, long projectId, SpanFilter f, String cursor, int limit)
      throws SQLException {
    SpanFilterSql w = new SpanFilterSql(projectId, f, 0).dimensions(f).spanRanges(f).and("session_id IS NOT NULL");
    // The page of sessions first (cheap columns only), then the expensive totals for those alone.
    List<Object> params = new ArrayList<>(w.params);
    StringBuilder sql = new StringBuilder("WITH page AS (SELECT session_id, max(start_ns + duration_ns) AS last_ns "
        + "FROM span_index WHERE ").append(w.where()).append(" GROUP BY session_id");
    Cursor after = Cursor.decode(cursor);
    if (after != null) {
      sql.append(" HAVING last_ns < ? OR (last_ns = ? AND session_id < ?)");
      params.add(after.sortLong());
      params.add(after.sortLong());
      params.add(after.id());
    }
    sql.append(" ORDER BY last_ns DESC, session_id DESC LIMIT ").append(limit + 1).append(") ")
        .append("SELECT s.session_id, arg_max(user_id, start_ns), min(start_ns), max(start_ns + duration_ns) AS last_ns, "
            + "count(DISTINCT (trace_hi, trace_lo)), count(DISTINCT (trace_hi, trace_lo)) FILTER (WHERE is_error), "
            + "sum(coalesce(input_tokens, 0)), sum(coalesce(output_tokens, 0)), sum(cost) "
            + "FROM span_index s SEMI JOIN page USING (session_id) WHERE ").append(w.where())
        .append(" GROUP BY s.session_id ORDER BY last_ns DESC, s.session_id DESC");
    params.addAll(w.params);
    List<SessionSummary> rows = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new SessionSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
            rs.getInt(6), rs.getLong(7), rs.getLong(8), Sql.nullableDouble(rs, 9)));
      }
    }
    if (rows.size() <= limit) return new Page<>(rows, null);
    rows = rows.subList(0, limit);
    SessionSummary last = rows.get(limit - 1);
    return new Page<>(rows, new Cursor(Long.toString(last.lastEpochNanos()), last.sessionId()).encode());
  }

  /** The traces of a session, oldest first. Sessions are few per user, so no time range is needed. */
  static List<TraceSummary> traces(Connection conn, long projectId, String sessionId) throws SQLException {
    List<SelectTraces.Root> roots = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + SelectTraces.ROOT_COLUMNS + " FROM span_index r "
        + "SEMI JOIN (SELECT trace_hi, trace_lo FROM span_index WHERE project_id = ? AND session_id = ?) s "
        + "USING (trace_hi, trace_lo) WHERE r.project_id = ? AND r.parent_id IS NULL "
        + "ORDER BY r.start_ns, r.trace_hi, r.trace_lo LIMIT 1000")) {
      ps.setLong(1, projectId);
      ps.setString(2, sessionId);
      ps.setLong(3, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) roots.add(SelectTraces.root(rs, null));
      }
    }
    return SelectTraces.summarize(conn, projectId, roots);
  }

}
