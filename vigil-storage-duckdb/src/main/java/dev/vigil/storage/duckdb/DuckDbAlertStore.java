package dev.vigil.storage.duckdb;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.model.AlertStatus;
import dev.vigil.storage.AlertStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Alert state and history in two small tables; DuckDB's WAL makes each write durable at commit. */
final class DuckDbAlertStore implements AlertStore {
  private final Database db;

  DuckDbAlertStore(Database db) {
    this.db = db;
  }

  @Override
  public void save(long projectId, AlertInstance a) {
    db.transaction("save alert", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO alert_instances VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, a.rule());
        ps.setString(3, a.group());
        ps.setString(4, a.status().name().toLowerCase(Locale.ROOT));
        ps.setLong(5, a.pendingSinceEpochNanos());
        ps.setLong(6, a.firingSinceEpochNanos());
        ps.setDouble(7, a.value());
        ps.setLong(8, a.lastNotifiedEpochNanos());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void delete(long projectId, String rule, String group) {
    db.transaction("delete alert", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM alert_instances WHERE project_id = ? AND rule = ? AND grp = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, rule);
        ps.setString(3, group);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<AlertInstance> instances(long projectId) {
    return db.read("alerts", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT rule, grp, status, pending_since_ns, firing_since_ns, value, "
          + "last_notified_ns FROM alert_instances WHERE project_id = ? ORDER BY rule, grp")) {
        ps.setLong(1, projectId);
        List<AlertInstance> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new AlertInstance(rs.getString(1), rs.getString(2), status(rs.getString(3)), rs.getLong(4),
                rs.getLong(5), rs.getDouble(6), rs.getLong(7)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void record(long projectId, AlertEvent e) {
    db.transaction("record alert event", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_events VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, e.rule());
        ps.setString(3, e.group());
        ps.setString(4, e.status().name().toLowerCase(Locale.ROOT));
        ps.setDouble(5, e.value());
        ps.setLong(6, e.epochNanos());
        ps.setString(7, e.message());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<AlertEvent> history(long projectId, int limit) {
    return db.read("alert history", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT rule, grp, status, value, time_ns, message FROM alert_events "
          + "WHERE project_id = ? ORDER BY time_ns DESC, rule, grp LIMIT ?")) {
        ps.setLong(1, projectId);
        ps.setInt(2, limit);
        List<AlertEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new AlertEvent(rs.getString(1), rs.getString(2), status(rs.getString(3)), rs.getDouble(4),
                rs.getLong(5), rs.getString(6)));
          }
        }
        return out;
      }
    });
  }

  private static AlertStatus status(String s) {
    return AlertStatus.valueOf(s.toUpperCase(Locale.ROOT));
  }
}
