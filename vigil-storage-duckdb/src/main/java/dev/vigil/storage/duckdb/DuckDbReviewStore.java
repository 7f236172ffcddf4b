package dev.vigil.storage.duckdb;

import dev.vigil.model.Score;
import dev.vigil.storage.ReviewItem;
import dev.vigil.storage.ReviewQueue;
import dev.vigil.storage.ReviewStore;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Annotation queues and items: small tables with primary keys, written in short transactions. The
 * score reads go to {@code score_rows}, where the labels themselves live.
 */
final class DuckDbReviewStore implements ReviewStore {
  private static final String ITEM_COLUMNS = "queue_id, trace_id, position, state, updated_ns";
  /** The scorecard a score names in its metadata (map_extract gives a list in every DuckDB version). */
  private static final String SCORECARD = "map_extract(metadata, 'scorecard')[1]";

  private final Database db;

  DuckDbReviewStore(Database db) {
    this.db = db;
  }

  @Override
  public void createQueue(long projectId, ReviewQueue queue, List<String> traceIds) {
    db.transaction("review queues", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM review_queues WHERE project_id = ? AND id = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, queue.id());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) throw new IllegalArgumentException("a queue with id '" + queue.id() + "' already exists");
        }
      }
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO review_queues VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, queue.id());
        ps.setString(3, queue.name());
        ps.setString(4, queue.scorecard());
        ps.setString(5, queue.origin());
        ps.setLong(6, queue.createdEpochNanos());
        ps.executeUpdate();
      }
      if (traceIds.isEmpty()) return null;
      // one statement, the ids as an array: row-by-row binding is slow in DuckDB's JDBC
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO review_items SELECT ?, ?, t.id, t.pos - 1, 'pending', ? "
          + "FROM (SELECT unnest(?::VARCHAR[]) AS id, generate_subscripts(?::VARCHAR[], 1) AS pos) t ON CONFLICT DO NOTHING")) {
        Array ids = conn.createArrayOf("VARCHAR", traceIds.toArray());
        ps.setLong(1, projectId);
        ps.setString(2, queue.id());
        ps.setLong(3, queue.createdEpochNanos());
        ps.setArray(4, ids);
        ps.setArray(5, ids);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<ReviewQueue> queues(long projectId) {
    return selectQueues("ORDER BY created_ns DESC, id", projectId, null);
  }

  @Override
  public Optional<ReviewQueue> queue(long projectId, String queueId) {
    return selectQueues("AND id = ?", projectId, queueId).stream().findFirst();
  }

  private List<ReviewQueue> selectQueues(String rest, long projectId, String queueId) {
    return db.read("review queues", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, name, scorecard, origin, created_ns FROM review_queues "
          + "WHERE project_id = ? " + rest)) {
        ps.setLong(1, projectId);
        if (queueId != null) ps.setString(2, queueId);
        List<ReviewQueue> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(new ReviewQueue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
        }
        return out;
      }
    });
  }

  @Override
  public boolean deleteQueue(long projectId, String queueId) {
    return db.transaction("review queues", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM review_items WHERE project_id = ? AND queue_id = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, queueId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM review_queues WHERE project_id = ? AND id = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, queueId);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<ReviewItem> items(long projectId, String queueId) {
    return selectItems("SELECT " + ITEM_COLUMNS + " FROM review_items WHERE project_id = ? AND queue_id = ? ORDER BY position",
        projectId, queueId, null);
  }

  @Override
  public Optional<ReviewItem> item(long projectId, String queueId, String traceId) {
    return selectItems("SELECT " + ITEM_COLUMNS + " FROM review_items WHERE project_id = ? AND queue_id = ? AND trace_id = ?",
        projectId, queueId, traceId).stream().findFirst();
  }

  @Override
  public Optional<ReviewItem> nextPending(long projectId, String queueId) {
    return selectItems("SELECT " + ITEM_COLUMNS + " FROM review_items WHERE project_id = ? AND queue_id = ? "
        + "AND state = 'pending' ORDER BY position LIMIT 1", projectId, queueId, null).stream().findFirst();
  }

  private List<ReviewItem> selectItems(String sql, long projectId, String queueId, String traceId) {
    return db.read("review items", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.setLong(1, projectId);
        ps.setString(2, queueId);
        if (traceId != null) ps.setString(3, traceId);
        List<ReviewItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ReviewItem(rs.getString(1), rs.getString(2), rs.getInt(3),
                ReviewItem.State.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getLong(5)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean setState(long projectId, String queueId, String traceId, ReviewItem.State state, long epochNanos) {
    return db.transaction("review items", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE review_items SET state = ?, updated_ns = ? WHERE project_id = ? AND queue_id = ? AND trace_id = ?")) {
        ps.setString(1, state.wireName());
        ps.setLong(2, epochNanos);
        ps.setLong(3, projectId);
        ps.setString(4, queueId);
        ps.setString(5, traceId);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public ReviewItem.Progress progress(long projectId, String queueId) {
    return db.read("review items", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FILTER (state = 'pending'), count(*) FILTER (state = 'done'), "
          + "count(*) FILTER (state = 'skipped') FROM review_items WHERE project_id = ? AND queue_id = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, queueId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new ReviewItem.Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
      }
    });
  }

  @Override
  public List<String> lowestScoredTraces(long projectId, String scoreName, String scorecard, long fromEpochNanos,
      long toEpochNanos, int limit) {
    return db.read("scores", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT trace_id FROM score_rows WHERE project_id = ? AND name = ? "
          + "AND source = 'eval' AND value IS NOT NULL AND trace_id IS NOT NULL AND time_ns >= ? AND time_ns < ? "
          + "AND (?::VARCHAR IS NULL OR " + SCORECARD + " = ?) "
          + "GROUP BY trace_id ORDER BY min(value), max(time_ns) DESC, trace_id LIMIT ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, scoreName);
        ps.setLong(3, fromEpochNanos);
        ps.setLong(4, toEpochNanos);
        ps.setString(5, scorecard);
        ps.setString(6, scorecard);
        ps.setInt(7, limit);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(rs.getString(1));
        }
        return out;
      }
    });
  }

  @Override
  public List<Score> reviewedScores(long projectId, String scorecard) {
    return db.read("scores", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, trace_id, span_id, name, data_type, value, label, source, "
          + "comment, time_ns, map_keys(metadata), map_values(metadata) FROM score_rows s WHERE project_id = ? "
          + "AND source IN ('eval', 'annotation') AND " + SCORECARD + " = ? AND (trace_hi, trace_lo) IN (SELECT (trace_hi, trace_lo) FROM score_rows "
          + "WHERE project_id = ? AND source = 'annotation' AND " + SCORECARD + " = ?) ORDER BY trace_id, time_ns, id")) {
        ps.setLong(1, projectId);
        ps.setString(2, scorecard);
        ps.setLong(3, projectId);
        ps.setString(4, scorecard);
        List<Score> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(ScoreRows.read(rs));
          }
        }
        return out;
      }
    });
  }

}
