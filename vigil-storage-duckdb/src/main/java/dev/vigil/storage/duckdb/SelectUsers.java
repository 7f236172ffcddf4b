package dev.vigil.storage.duckdb;

import dev.vigil.storage.Page;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.UserSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** End users with their usage, highest spend first, so cost concentration is visible at a glance. */
final class SelectUsers {
  private SelectUsers() {}

  static Page<UserSummary> find(Connection conn, long projectId, SpanFilter f, String cursor, int limit)
      throws SQLException {
    SpanFilterSql w = new SpanFilterSql(projectId, f, 0).dimensions(f).spanRanges(f).and("user_id IS NOT NULL");
    // The page of users by cost first, then the expensive totals (distinct traces, sessions) for those alone.
    List<Object> params = new ArrayList<>(w.params);
    StringBuilder sql = new StringBuilder("WITH page AS (SELECT user_id, coalesce(sum(cost), 0) AS rank_cost "
        + "FROM span_index WHERE ").append(w.where()).append(" GROUP BY user_id");
    Cursor after = Cursor.decode(cursor);
    if (after != null) {
      sql.append(" HAVING rank_cost < ? OR (rank_cost = ? AND user_id > ?)");
      params.add(after.sortDouble());
      params.add(after.sortDouble());
      params.add(after.id());
    }
    sql.append(" ORDER BY rank_cost DESC, user_id ASC LIMIT ").append(limit + 1).append(") ")
        .append("SELECT s.user_id, min(start_ns), max(start_ns + duration_ns), "
            + "count(DISTINCT (trace_hi, trace_lo)), count(DISTINCT session_id), "
            + "count(*) FILTER (WHERE span_type IN ('llm', 'embedding')), count(*) FILTER (WHERE is_error), "
            + "sum(coalesce(input_tokens, 0)), sum(coalesce(output_tokens, 0)), sum(cost), "
            + "coalesce(sum(cost), 0) AS rank_cost FROM span_index s SEMI JOIN page USING (user_id) WHERE ")
        .append(w.where()).append(" GROUP BY s.user_id ORDER BY rank_cost DESC, s.user_id ASC");
    params.addAll(w.params);
    List<UserSummary> rows = new ArrayList<>();
    List<Double> ranks = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new UserSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
            rs.getInt(6), rs.getInt(7), rs.getLong(8), rs.getLong(9), Sql.nullableDouble(rs, 10)));
        ranks.add(rs.getDouble(11));
      }
    }
    if (rows.size() <= limit) return new Page<>(rows, null);
    rows = rows.subList(0, limit);
    return new Page<>(rows, new Cursor(Double.toString(ranks.get(limit - 1)), rows.get(limit - 1).userId()).encode());
  }
}
