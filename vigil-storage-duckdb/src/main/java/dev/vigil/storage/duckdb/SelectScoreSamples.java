package dev.vigil.storage.duckdb;

import dev.vigil.storage.SampleStore;
import dev.vigil.storage.SpanFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Score values of a slice: scores whose span (or, for a trace-level score, any span of whose trace)
 * matches the filter. Both keep hex ids as integer halves, so the scores are semi-joined to the
 * slice's halves (a score whose ids are not hex matches no span).
 */
final class SelectScoreSamples {
  private SelectScoreSamples() {}

  private static String slice(SpanFilterSql w) {
    return "WITH slice AS (SELECT DISTINCT trace_hi, trace_lo, span_id FROM span_index WHERE " + w.where() + ") ";
  }

  private static final String MATCHES = " s.project_id = ? AND s.value IS NOT NULL AND s.data_type IN ('numeric', 'boolean')"
      + " AND EXISTS (SELECT 1 FROM slice WHERE slice.trace_hi = s.trace_hi AND slice.trace_lo = s.trace_lo"
      + " AND (s.whole_trace OR slice.span_id = s.span))";

  static SampleStore.Sample values(Connection conn, long projectId, SpanFilter filter, String name, int limit)
      throws SQLException {
    SpanFilterSql w = new SpanFilterSql(projectId, filter, 0).dimensions(filter).spanRanges(filter);
    String sql = slice(w) + "SELECT v, total FROM (SELECT s.value AS v, count(*) OVER () AS total FROM score_rows s WHERE"
        + MATCHES + " AND s.name = ?) USING SAMPLE reservoir(" + limit + " ROWS)";
    List<Object> params = new ArrayList<>(w.params);
    params.add(projectId);
    params.add(name);
    return SelectSamples.read(conn, sql, params, limit);
  }

  static List<SampleStore.ScoreName> names(Connection conn, long projectId, SpanFilter filter, int limit)
      throws SQLException {
    SpanFilterSql w = new SpanFilterSql(projectId, filter, 0).dimensions(filter).spanRanges(filter);
    String sql = slice(w) + "SELECT s.name, min(s.data_type), count(*) AS n FROM score_rows s WHERE" + MATCHES
        + " GROUP BY s.name ORDER BY n DESC, s.name LIMIT " + limit;
    List<Object> params = new ArrayList<>(w.params);
    params.add(projectId);
    List<SampleStore.ScoreName> out = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(new SampleStore.ScoreName(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }
    return out;
  }
}
