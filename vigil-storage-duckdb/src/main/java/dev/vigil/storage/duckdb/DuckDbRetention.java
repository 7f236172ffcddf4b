package dev.vigil.storage.duckdb;

import dev.vigil.storage.Retention;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a project's rows older than the cut-off, then whole segment files whose newest record is
 * older too (never the one being written). Content of a deleted row may linger in a segment that
 * still holds newer records until that segment ages out; no query can reach it meanwhile.
 */
final class DuckDbRetention implements Retention {
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbRetention.class);

  private final Database db;
  private final SegmentFiles files;
  private final SegmentReader reader;
  private final GroupCommitLog log;
  private final Object rollupLock;
  private final ScoreWriter scores;

  DuckDbRetention(Database db, SegmentFiles files, SegmentReader reader, GroupCommitLog log, Object rollupLock,
      ScoreWriter scores) {
    this.rollupLock = rollupLock;
    this.db = db;
    this.scores = scores;
    this.files = files;
    this.reader = reader;
    this.log = log;
  }

  @Override
  public long purgeBefore(long projectId, long epochNanos) {
    int active = log.activeSegment(projectId);
    List<Long> expired = new ArrayList<>();
    long deleted;
    synchronized (rollupLock) { // compaction deletes rollup rows too; one transaction at a time
      deleted = purge(projectId, epochNanos, active, expired);
    }
    scores.purgeUnusedKinds(projectId);
    for (long segment : expired) {
      reader.evict(projectId, (int) segment);
      try {
        Files.deleteIfExists(files.segment(projectId, (int) segment));
      } catch (IOException e) {
        LOG.warn("could not delete expired segment {} of project {}", segment, projectId, e);
      }
    }
    if (deleted > 0 || !expired.isEmpty()) {
      LOG.info("retention: project {} lost {} spans and {} segment files", projectId, deleted, expired.size());
    }
    return deleted;
  }

  /** One transaction: rows before the cut-off, rollups of those periods, rows of expired segments. */
  private long purge(long projectId, long epochNanos, int active, List<Long> expired) {
    return db.transaction("retention", conn -> {
      long spans = delete(conn, "DELETE FROM span_index WHERE project_id = ? AND start_ns < ?", projectId, epochNanos);
      delete(conn, "DELETE FROM attachment_index WHERE project_id = ? AND time_ns < ?", projectId, epochNanos);
      RollupRetention.purge(conn, projectId, epochNanos);
      for (String table : List.of("score_values", "feedback_rows", "change_rows")) {
        delete(conn, "DELETE FROM " + table + " WHERE project_id = ? AND time_ns < ?", projectId, epochNanos);
      }
      delete(conn, "DELETE FROM scoring_tasks WHERE project_id = ? AND span_start_ns < ?", projectId, epochNanos);
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM judge_spend WHERE project_id = ? AND day < ?")) {
        ps.setLong(1, projectId);
        ps.setDate(2, java.sql.Date.valueOf(java.time.Instant.ofEpochSecond(0, epochNanos).atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT segment_id FROM segments WHERE project_id = ? AND max_start_ns < ? AND segment_id <> ?")) {
        ps.setLong(1, projectId);
        ps.setLong(2, epochNanos);
        ps.setLong(3, active);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) expired.add(rs.getLong(1));
        }
      }
      for (long segment : expired) {
        for (String table : List.of("span_index", "attachment_index")) {
          delete(conn, "DELETE FROM " + table + " WHERE project_id = ? AND seg_id = ?", projectId, segment);
        }
        delete(conn, "DELETE FROM segments WHERE project_id = ? AND segment_id = ?", projectId, segment);
      }
      return spans;
    });
  }

  private static long delete(Connection conn, String sql, long projectId, long value) throws java.sql.SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setLong(1, projectId);
      ps.setLong(2, value);
      return ps.executeUpdate();
    }
  }
}
