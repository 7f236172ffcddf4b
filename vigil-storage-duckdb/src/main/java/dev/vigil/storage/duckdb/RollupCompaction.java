package dev.vigil.storage.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * Merges the partial rollup rows each index transaction appends into one row per key, for the
 * periods written since the last compaction. Sums and merged histograms are unchanged, so a query
 * reading before or after (readers have their own snapshots) gets the same answer; it only keeps a
 * week's rollup to a few rows per day and key. Runs on the indexer's thread and connection, when
 * enough rows piled up, when the indexer is idle and when it closes. What is written is remembered in
 * memory only: partial rows left by a crash stay partial (still correct, a little slower to read).
 */
final class RollupCompaction {
  /** (table, project) → periods written since the last compaction. */
  private final Map<String, Map<Long, Set<Long>>> touched = new HashMap<>();
  private long rows;

  /** Notes what an index transaction appended (after its commit). */
  void appended(String table, long projectId, Set<Long> periods, int rowCount) {
    touched.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(projectId, p -> new HashSet<>()).addAll(periods);
    rows += rowCount;
  }

  long pendingRows() {
    return rows;
  }

  void compact(DuckDBConnection conn) throws SQLException {
    if (rows == 0) return;
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      for (var table : touched.entrySet()) {
        for (var project : table.getValue().entrySet()) {
          compact(st, table.getKey(), project.getKey(), project.getValue());
        }
      }
      conn.commit();
      touched.clear();
      rows = 0;
    } catch (SQLException | RuntimeException e) {
      try {
        conn.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
        Database.resynchronize(conn);
      }
      throw e;
    } finally {
      conn.setAutoCommit(true);
    }
  }

  private static void compact(Statement st, String table, long projectId, Set<Long> periods) throws SQLException {
    List<String> values = new ArrayList<>();
    for (long p : periods) values.add(Long.toString(p));
    boolean users = table.equals("user_rollup");
    String where = "project_id = " + projectId + " AND " + (users ? "day_ns" : "period_ns") + " IN ("
        + String.join(", ", values) + ")";
    String merged = users ? RollupSql.compactedUsers(where) : RollupSql.compacted(table, where);
    st.execute("CREATE OR REPLACE TEMP TABLE vigil_rollup_merge AS " + merged);
    st.execute("DELETE FROM " + table + " WHERE " + where);
    st.execute("INSERT INTO " + table + " SELECT * FROM vigil_rollup_merge");
    st.execute("DROP TABLE vigil_rollup_merge");
  }
}
