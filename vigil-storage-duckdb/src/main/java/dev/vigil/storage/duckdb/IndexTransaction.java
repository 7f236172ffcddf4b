package dev.vigil.storage.duckdb;

import java.sql.PreparedStatement;
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
 * Writes one group of blocks into the index in a single transaction: their span and attachment rows,
 * the partial rollup rows of those spans, each project's checkpoint (where its log continues), and
 * each segment's time range for retention. All or nothing, so the checkpoint never runs ahead of the
 * rows and a span is in the rollups exactly when its row is in the index.
 */
final class IndexTransaction {
  private final DuckDBConnection conn;
  private final BatchScan spanScan;
  private final BatchScan attachmentScan;
  private final BatchScan rollupScan;
  private final BatchScan userScan;
  private final RollupCompaction compaction;

  IndexTransaction(DuckDBConnection conn, BatchScan spanScan, BatchScan attachmentScan, BatchScan rollupScan,
      BatchScan userScan, RollupCompaction compaction) {
    this.compaction = compaction;
    this.conn = conn;
    this.spanScan = spanScan;
    this.attachmentScan = attachmentScan;
    this.rollupScan = rollupScan;
    this.userScan = userScan;
  }

  void write(List<IndexWork> group) throws SQLException {
    List<SpanBatch> spans = new ArrayList<>(group.size());
    List<AttachmentBatch> attachments = new ArrayList<>();
    Map<Long, IndexWork> lastPerProject = new HashMap<>();
    Map<List<Long>, long[]> segmentRanges = new HashMap<>(); // (project, segment) → min, max, spans
    for (IndexWork w : group) {
      spans.add(w.spans());
      if (w.attachments().size > 0) attachments.add(w.attachments());
      lastPerProject.put(w.projectId(), w);
      long[] range = segmentRanges.computeIfAbsent(List.of(w.projectId(), (long) w.ref().segmentId()),
          k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
      range[0] = Math.min(range[0], w.minTime());
      range[1] = Math.max(range[1], w.maxTime());
      range[2] += w.spans().size;
    }
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      spanScan.load(spans);
      st.execute("INSERT INTO span_index SELECT * FROM " + spanScan.name() + "()");
      if (!attachments.isEmpty()) {
        attachmentScan.load(attachments);
        st.execute("INSERT INTO attachment_index SELECT * FROM " + attachmentScan.name() + "()");
      }
      List<Runnable> appended = new ArrayList<>(); // told to compaction once committed
      RollupBuilder.Built rollups = RollupBuilder.build(spans);
      List<RollupBatches.Spans> periods = List.of(rollups.hours(), rollups.days());
      for (int p = 0; p < RollupSql.TABLES.size(); p++) {
        RollupBatches.Spans rows = periods.get(p);
        if (rows.size == 0) continue;
        rollupScan.load(List.of(rows));
        String table = RollupSql.TABLES.get(p);
        st.execute(RollupBatches.Spans.insert(table, rollupScan.name()));
        appended.add(() -> note(table, rows.project, rows.period, rows.size));
      }
      RollupBatches.Days days = rollups.users();
      if (days.size > 0) {
        userScan.load(List.of(days));
        st.execute(RollupBatches.Days.INSERT + userScan.name() + "()");
        appended.add(() -> note("user_rollup", days.project, days.day, days.size));
      }
      checkpoints(lastPerProject);
      segmentRanges(segmentRanges);
      conn.commit();
      appended.forEach(Runnable::run);
    } catch (SQLException | RuntimeException e) {
      try {
        conn.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
        Database.resynchronize(conn);
      }
      throw e;
    } finally {
      spanScan.load(List.of());
      attachmentScan.load(List.of());
      rollupScan.load(List.of());
      userScan.load(List.of());
      conn.setAutoCommit(true);
    }
  }

  private void note(String table, Column.I64 projects, Column.I64 periods, int rows) {
    Map<Long, Set<Long>> byProject = new HashMap<>();
    for (int i = 0; i < rows; i++) {
      byProject.computeIfAbsent(projects.values[i], k -> new HashSet<>()).add(periods.values[i]);
    }
    byProject.forEach((project, set) -> compaction.appended(table, project, set, rows));
  }

  private void checkpoints(Map<Long, IndexWork> lastPerProject) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO log_checkpoint VALUES (?, ?, ?)")) {
      for (IndexWork w : lastPerProject.values()) {
        ps.setLong(1, w.projectId());
        ps.setLong(2, w.ref().segmentId());
        ps.setLong(3, w.nextOffset());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void segmentRanges(Map<List<Long>, long[]> ranges) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO segments VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id, segment_id) DO UPDATE SET "
            + "min_start_ns = least(min_start_ns, excluded.min_start_ns), "
            + "max_start_ns = greatest(max_start_ns, excluded.max_start_ns), spans = spans + excluded.spans")) {
      for (var e : ranges.entrySet()) {
        ps.setLong(1, e.getKey().get(0));
        ps.setLong(2, e.getKey().get(1));
        ps.setLong(3, e.getValue()[0]);
        ps.setLong(4, e.getValue()[1]);
        ps.setLong(5, e.getValue()[2]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
