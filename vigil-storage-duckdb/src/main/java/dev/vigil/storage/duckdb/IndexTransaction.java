package dev.vigil.storage.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final BatchScan hourScan;
  private final BatchScan dayScan;

  IndexTransaction(DuckDBConnection conn, BatchScan spanScan, BatchScan attachmentScan, BatchScan hourScan,
      BatchScan dayScan) {
    this.conn = conn;
    this.spanScan = spanScan;
    this.attachmentScan = attachmentScan;
    this.hourScan = hourScan;
    this.dayScan = dayScan;
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
      RollupBatches.Hours hours = RollupBuilder.hours(spans);
      if (hours.size > 0) {
        hourScan.load(List.of(hours));
        st.execute(RollupBatches.Hours.INSERT + hourScan.name() + "()");
      }
      RollupBatches.Days days = RollupBuilder.days(spans);
      if (days.size > 0) {
        dayScan.load(List.of(days));
        st.execute(RollupBatches.Days.INSERT + dayScan.name() + "()");
      }
      checkpoints(lastPerProject);
      segmentRanges(segmentRanges);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        conn.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      spanScan.load(List.of());
      attachmentScan.load(List.of());
      hourScan.load(List.of());
      dayScan.load(List.of());
      conn.setAutoCommit(true);
    }
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
