package dev.vigil.storage.duckdb;

import dev.vigil.model.Score;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.ScoringTask;
import dev.vigil.storage.SpanFeed;
import dev.vigil.storage.StoredScorecard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scoring's checkpoint, tasks and API scorecards: small tables with primary keys, written in short
 * transactions (DuckDB's WAL makes them durable at commit). The queue itself is {@link LogFeed}.
 */
final class DuckDbScoringStore implements ScoringStore {
  private static final String TASK_COLUMNS = "id, trace_id, span_id, span_start_ns, scorecard, scorecard_version, "
      + "metric, attempts, last_error, first_failed_ns, next_attempt_ns, dead";

  private final Database db;
  private final LogFeed feed;
  private final ScoreWriter scores;

  DuckDbScoringStore(Database db, LogFeed feed, ScoreWriter scores) {
    this.scores = scores;
    this.db = db;
    this.feed = feed;
  }

  @Override
  public SpanFeed spansAfter(long projectId, String cursor, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be positive");
    return feed.read(projectId, cursor, limit);
  }

  @Override
  public String head(long projectId) {
    return feed.head(projectId);
  }

  @Override
  public Backlog backlog(long projectId, String cursor) {
    return feed.backlog(projectId, cursor);
  }

  @Override
  public Optional<ScoringCheckpoint> checkpoint(long projectId) {
    return db.read("scoring checkpoint", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT cursor, state, updated_ns FROM scoring_checkpoint WHERE project_id = ?")) {
        ps.setLong(1, projectId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new ScoringCheckpoint(rs.getString(1), rs.getString(2), rs.getLong(3)))
              : Optional.empty();
        }
      }
    });
  }

  @Override
  public void commit(long projectId, ScoringCheckpoint checkpoint, List<Score> scores, List<ScoringTask> tasks,
      List<String> doneTaskIds) {
    this.scores.write("scoring checkpoint", projectId, scores, conn -> {
      if (checkpoint.cursor() != null) {
        // an UPDATE of the unkeyed columns first: an upsert replaces the row and its key (~2x the CPU a page)
        try (PreparedStatement up = conn.prepareStatement(
            "UPDATE scoring_checkpoint SET cursor = ?, state = ?, updated_ns = ? WHERE project_id = ?")) {
          up.setString(1, checkpoint.cursor());
          up.setString(2, checkpoint.state());
          up.setLong(3, checkpoint.updatedEpochNanos());
          up.setLong(4, projectId);
          if (up.executeUpdate() == 0) {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO scoring_checkpoint VALUES (?, ?, ?, ?)")) {
              ps.setLong(1, projectId);
              ps.setString(2, checkpoint.cursor());
              ps.setString(3, checkpoint.state());
              ps.setLong(4, checkpoint.updatedEpochNanos());
              ps.executeUpdate();
            }
          }
        }
      }
      writeTasks(conn, projectId, tasks, doneTaskIds);
      return null;
    }, false);
  }

  @Override
  public void updateTasks(long projectId, List<Score> scores, List<ScoringTask> tasks, List<String> doneTaskIds) {
    if (scores.isEmpty() && tasks.isEmpty() && doneTaskIds.isEmpty()) return;
    this.scores.write("scoring tasks", projectId, scores, conn -> {
      writeTasks(conn, projectId, tasks, doneTaskIds);
      return null;
    }, false);
  }

  private static void writeTasks(Connection conn, long projectId, List<ScoringTask> tasks, List<String> done)
      throws SQLException {
    if (!tasks.isEmpty()) {
      try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO scoring_tasks VALUES "
          + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (ScoringTask t : tasks) {
          ps.setLong(1, projectId);
          ps.setString(2, t.id());
          ps.setString(3, t.traceId());
          ps.setString(4, t.spanId());
          ps.setLong(5, t.spanStartEpochNanos());
          ps.setString(6, t.scorecard());
          ps.setString(7, t.scorecardVersion());
          ps.setString(8, t.metric());
          ps.setInt(9, t.attempts());
          ps.setString(10, t.lastError());
          ps.setLong(11, t.firstFailedEpochNanos());
          ps.setLong(12, t.nextAttemptEpochNanos());
          ps.setBoolean(13, t.dead());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!done.isEmpty()) {
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM scoring_tasks WHERE project_id = ? AND id = ?")) {
        for (String id : done) {
          ps.setLong(1, projectId);
          ps.setString(2, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  @Override
  public List<ScoringTask> dueTasks(long projectId, long nowEpochNanos, int limit) {
    return tasks("SELECT " + TASK_COLUMNS + " FROM scoring_tasks WHERE project_id = ? AND NOT dead "
        + "AND next_attempt_ns <= ? ORDER BY next_attempt_ns, id LIMIT " + Math.max(1, limit), projectId, nowEpochNanos);
  }

  @Override
  public List<ScoringTask> deadLetters(long projectId, int limit) {
    return tasks("SELECT " + TASK_COLUMNS + " FROM scoring_tasks WHERE project_id = ? AND dead "
        + "ORDER BY next_attempt_ns DESC, id LIMIT " + Math.max(1, limit), projectId, null);
  }

  private List<ScoringTask> tasks(String sql, long projectId, Long time) {
    return db.read("scoring tasks", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.setLong(1, projectId);
        if (time != null) ps.setLong(2, time);
        List<ScoringTask> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ScoringTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getLong(10), rs.getLong(11),
                rs.getBoolean(12)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public TaskCounts taskCounts(long projectId) {
    return db.read("scoring tasks", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FILTER (WHERE NOT dead), "
          + "count(*) FILTER (WHERE dead) FROM scoring_tasks WHERE project_id = ?")) {
        ps.setLong(1, projectId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new TaskCounts(rs.getLong(1), rs.getLong(2));
        }
      }
    });
  }

  @Override
  public List<StoredScorecard> scorecards(long projectId) {
    return db.read("scorecards", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT name, yaml, updated_ns FROM scorecards WHERE project_id = ? ORDER BY name")) {
        ps.setLong(1, projectId);
        List<StoredScorecard> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(new StoredScorecard(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
        return out;
      }
    });
  }

  @Override
  public void putScorecard(long projectId, StoredScorecard scorecard) {
    db.transaction("scorecards", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO scorecards VALUES (?, ?, ?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, scorecard.name());
        ps.setString(3, scorecard.yaml());
        ps.setLong(4, scorecard.updatedEpochNanos());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean deleteScorecard(long projectId, String name) {
    return db.transaction("scorecards", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM scorecards WHERE project_id = ? AND name = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, name);
        return ps.executeUpdate() > 0;
      }
    });
  }
}
