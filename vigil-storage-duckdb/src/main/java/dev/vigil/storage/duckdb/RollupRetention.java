package dev.vigil.storage.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Retention for the rollups, run after the raw rows older than the cut-off are deleted in the same
 * transaction: whole hours (days) before the cut-off go, and the one the cut-off falls into is rebuilt
 * from the spans it still holds, so rollups keep agreeing with the raw rows.
 */
final class RollupRetention {
  private RollupRetention() {}

  static void purge(Connection conn, long projectId, long cutoff) throws SQLException {
    String spans = "project_id = ? AND start_ns >= ? AND start_ns < ?";
    for (int p = 0; p < RollupSql.TABLES.size(); p++) {
      String table = RollupSql.TABLES.get(p);
      long period = RollupSql.PERIODS.get(p);
      purge(conn, projectId, cutoff, table, "period_ns", period, RollupSql.rebuild(table, period, spans));
    }
    purge(conn, projectId, cutoff, "user_rollup", "day_ns", RollupSql.DAY,
        RollupSql.rebuildDays(spans));
  }

  private static void purge(Connection conn, long projectId, long cutoff, String table, String column, long period,
      String rebuild) throws SQLException {
    long straddled = Math.floorDiv(cutoff, period) * period;
    execute(conn, "DELETE FROM " + table + " WHERE project_id = ? AND " + column + " < ?", List.of(projectId, straddled));
    if (cutoff == straddled) return;
    execute(conn, "DELETE FROM " + table + " WHERE project_id = ? AND " + column + " = ?", List.of(projectId, straddled));
    execute(conn, rebuild, List.of(projectId, straddled, straddled + period));
  }

  private static void execute(Connection conn, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement ps = Sql.prepare(conn, sql, params)) {
      ps.executeUpdate();
    }
  }
}
