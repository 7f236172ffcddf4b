package dev.vigil.storage.duckdb;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.ChangeType;
import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Score;
import dev.vigil.storage.FeedbackRateQuery;
import dev.vigil.storage.FeedbackRates;
import dev.vigil.storage.SignalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores, feedback and change events, made durable by DuckDB's own WAL at commit. Feedback and
 * changes are plain rows with a primary key on (project, id); scores go through {@link ScoreWriter}.
 */
final class DuckDbSignalStore implements SignalStore {
  private final Database db;
  private final ScoreWriter scores;

  DuckDbSignalStore(Database db, ScoreWriter scores) {
    this.db = db;
    this.scores = scores;
  }

  @Override
  public Set<String> putScores(long projectId, List<Score> scores) {
    if (scores.isEmpty()) return Set.of();
    return this.scores.write("scores", projectId, scores, null);
  }

  @Override
  public List<Score> scores(long projectId, String traceId) {
    boolean hex = ScoreIds.isHexTrace(traceId);
    return db.read("scores", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, trace_id, span_id, name, data_type, value, label, source, comment, time_ns, "
          + "map_keys(metadata), map_values(metadata) FROM score_rows WHERE project_id = ? AND "
          + (hex ? "trace_hi = ? AND trace_lo = ?" : "trace_id = ?") + " ORDER BY time_ns, id")) {
        ps.setLong(1, projectId);
        if (hex) { // the stored halves, not every row's id rendered as text
          ps.setLong(2, IdCodec.traceHi(traceId));
          ps.setLong(3, IdCodec.traceLo(traceId));
        } else {
          ps.setString(2, traceId);
        }
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

  @Override
  public Set<String> putFeedback(long projectId, List<Feedback> feedback) {
    if (feedback.isEmpty()) return Set.of();
    return db.transaction("feedback", conn -> {
      Set<String> created = new HashSet<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO feedback_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id")) {
        for (Feedback f : feedback) {
          ps.setLong(1, projectId);
          ps.setString(2, f.id());
          ps.setString(3, f.traceId());
          ps.setString(4, f.kind().wireName());
          ps.setObject(5, f.value());
          ps.setString(6, f.comment());
          ps.setString(7, f.userId());
          ps.setLong(8, f.epochNanos());
          collect(ps, created);
        }
      }
      return created;
    });
  }

  @Override
  public List<Feedback> feedback(long projectId, String traceId) {
    return db.read("feedback", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, trace_id, kind, value, comment, user_id, time_ns "
          + "FROM feedback_rows WHERE project_id = ? AND trace_id = ? ORDER BY time_ns, id")) {
        ps.setLong(1, projectId);
        ps.setString(2, traceId);
        List<Feedback> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Feedback(rs.getString(1), rs.getString(2), FeedbackKind.fromWireName(rs.getString(3)),
                (Double) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getLong(7)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public FeedbackRates feedbackRates(long projectId, FeedbackRateQuery query) {
    return db.read("feedback rates", conn -> SelectFeedbackRates.select(conn, projectId, query));
  }

  @Override
  public Set<String> putChanges(long projectId, List<ChangeEvent> changes) {
    if (changes.isEmpty()) return Set.of();
    return db.transaction("change events", conn -> {
      Set<String> created = new HashSet<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO change_rows VALUES (?, ?, ?, ?, ?, ?, ?, map(?, ?)) ON CONFLICT DO NOTHING RETURNING id")) {
        for (ChangeEvent c : changes) {
          ps.setLong(1, projectId);
          ps.setString(2, c.id());
          ps.setString(3, c.type().wireName());
          ps.setString(4, c.feature());
          ps.setString(5, c.description());
          ps.setString(6, c.source());
          ps.setLong(7, c.epochNanos());
          setMap(conn, ps, 8, c.attributes());
          collect(ps, created);
        }
      }
      return created;
    });
  }

  @Override
  public List<ChangeEvent> changes(long projectId, long fromEpochNanos, long toEpochNanos) {
    return db.read("change events", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, change_type, feature, description, source, time_ns, "
          + "map_keys(attributes), map_values(attributes) FROM change_rows "
          + "WHERE project_id = ? AND time_ns >= ? AND time_ns < ? ORDER BY time_ns, id")) {
        ps.setLong(1, projectId);
        ps.setLong(2, fromEpochNanos);
        ps.setLong(3, toEpochNanos);
        List<ChangeEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ChangeEvent(rs.getString(1), ChangeType.fromWireName(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), ScoreRows.map(rs, 7)));
          }
        }
        return out;
      }
    });
  }

  private static void collect(PreparedStatement ps, Set<String> created) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) created.add(rs.getString(1));
    }
  }

  private static void setMap(Connection conn, PreparedStatement ps, int index, Map<String, String> map) throws SQLException {
    ps.setArray(index, conn.createArrayOf("VARCHAR", map.keySet().toArray()));
    ps.setArray(index + 1, conn.createArrayOf("VARCHAR", map.values().toArray()));
  }

}
