package dev.vigil.storage.duckdb;

import dev.vigil.model.Delivery;
import dev.vigil.model.DeliveryAttempt;
import dev.vigil.model.DeliveryState;
import dev.vigil.storage.DeliveryStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The notification outbox in two small tables; DuckDB's WAL makes each write durable at commit. */
final class DuckDbDeliveryStore implements DeliveryStore {
  private static final String COLUMNS =
      "id, project_id, channel, payload, state, attempts, created_ns, next_attempt_ns, last_error";

  private final Database db;

  DuckDbDeliveryStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean enqueue(Delivery d) {
    return db.transaction("enqueue delivery", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO deliveries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id")) {
        ps.setString(1, d.id());
        ps.setLong(2, d.projectId());
        ps.setString(3, d.channel());
        ps.setString(4, d.payload());
        ps.setString(5, d.state().name().toLowerCase(Locale.ROOT));
        ps.setInt(6, d.attempts());
        ps.setLong(7, d.createdEpochNanos());
        ps.setLong(8, d.nextAttemptEpochNanos());
        ps.setString(9, d.lastError());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public List<Delivery> due(long nowNanos, int limit) {
    return db.read("due deliveries", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM deliveries "
          + "WHERE state = 'pending' AND next_attempt_ns <= ? ORDER BY next_attempt_ns, id LIMIT ?")) {
        ps.setLong(1, nowNanos);
        ps.setInt(2, limit);
        return deliveries(ps);
      }
    });
  }

  @Override
  public void recordAttempt(long projectId, DeliveryAttempt a, DeliveryState state, long nextAttemptNanos) {
    db.transaction("record delivery attempt", conn -> {
      try (PreparedStatement up = conn.prepareStatement("UPDATE deliveries SET state = ?, attempts = ?, "
          + "next_attempt_ns = ?, last_error = ? WHERE id = ? AND project_id = ?")) {
        up.setString(1, state.name().toLowerCase(Locale.ROOT));
        up.setInt(2, a.attempt());
        up.setLong(3, nextAttemptNanos);
        up.setString(4, a.ok() ? null : a.error());
        up.setString(5, a.deliveryId());
        up.setLong(6, projectId);
        if (up.executeUpdate() == 0) throw new SQLException("no delivery " + a.deliveryId() + " in project " + projectId);
      }
      try (PreparedStatement ins = conn.prepareStatement(
          "INSERT INTO delivery_attempts VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ins.setString(1, a.deliveryId());
        ins.setInt(2, a.attempt());
        ins.setLong(3, a.epochNanos());
        ins.setBoolean(4, a.ok());
        if (a.status() == null) ins.setNull(5, Types.INTEGER); else ins.setInt(5, a.status());
        ins.setString(6, a.error());
        ins.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<Delivery> deliveries(long projectId, int limit) {
    return db.read("deliveries", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM deliveries "
          + "WHERE project_id = ? ORDER BY created_ns DESC, id DESC LIMIT ?")) {
        ps.setLong(1, projectId);
        ps.setInt(2, limit);
        return deliveries(ps);
      }
    });
  }

  @Override
  public List<DeliveryAttempt> attempts(long projectId, String deliveryId) {
    return db.read("delivery attempts", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT a.delivery_id, a.attempt, a.time_ns, a.ok, a.status, "
          + "a.error FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id "
          + "WHERE d.project_id = ? AND a.delivery_id = ? ORDER BY a.attempt")) {
        ps.setLong(1, projectId);
        ps.setString(2, deliveryId);
        List<DeliveryAttempt> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new DeliveryAttempt(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getBoolean(4),
                (Integer) rs.getObject(5), rs.getString(6)));
          }
        }
        return out;
      }
    });
  }

  private static List<Delivery> deliveries(PreparedStatement ps) throws SQLException {
    List<Delivery> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Delivery(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            DeliveryState.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), rs.getInt(6), rs.getLong(7),
            rs.getLong(8), rs.getString(9)));
      }
    }
    return out;
  }
}
