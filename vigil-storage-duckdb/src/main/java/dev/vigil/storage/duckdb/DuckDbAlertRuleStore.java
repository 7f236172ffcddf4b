package dev.vigil.storage.duckdb;

import dev.vigil.model.Silence;
import dev.vigil.storage.AlertRuleStore;
import dev.vigil.storage.StoredAlertRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API alert rules and silences: three small keyed tables, each write one short transaction. */
final class DuckDbAlertRuleStore implements AlertRuleStore {
  private static final String SILENCE_COLUMNS = "id, starts_ns, ends_ns, comment, created_by, created_ns";

  private final Database db;

  DuckDbAlertRuleStore(Database db) {
    this.db = db;
  }

  @Override
  public List<StoredAlertRule> rules(long projectId) {
    return db.read("alert rules", conn -> rules(conn, projectId, null));
  }

  @Override
  public Optional<StoredAlertRule> rule(long projectId, String name) {
    return db.read("alert rule", conn -> rules(conn, projectId, name)).stream().findFirst();
  }

  private static List<StoredAlertRule> rules(Connection conn, long projectId, String name) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT name, body, updated_ns FROM alert_rules WHERE project_id = ?"
        + (name == null ? "" : " AND name = ?") + " ORDER BY name")) {
      ps.setLong(1, projectId);
      if (name != null) ps.setString(2, name);
      List<StoredAlertRule> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new StoredAlertRule(rs.getString(1), rs.getString(2), rs.getLong(3)));
      }
      return out;
    }
  }

  @Override
  public void putRule(long projectId, StoredAlertRule rule) {
    db.transaction("put alert rule", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO alert_rules VALUES (?, ?, ?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, rule.name());
        ps.setString(3, rule.text());
        ps.setLong(4, rule.updatedEpochNanos());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean deleteRule(long projectId, String name) {
    return db.transaction("delete alert rule", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM alert_rules WHERE project_id = ? AND name = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, name);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public void addSilence(long projectId, Silence s) {
    db.transaction("add silence", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO silences VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, s.id());
        ps.setLong(3, s.startsEpochNanos());
        ps.setLong(4, s.endsEpochNanos());
        ps.setString(5, s.comment());
        ps.setString(6, s.createdBy());
        ps.setLong(7, s.createdEpochNanos());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO silence_matchers VALUES (?, ?, ?, ?)")) {
        for (Map.Entry<String, String> m : s.matchers().entrySet()) {
          ps.setLong(1, projectId);
          ps.setString(2, s.id());
          ps.setString(3, m.getKey());
          ps.setString(4, m.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<Silence> silences(long projectId) {
    return db.read("silences", conn -> silences(conn, projectId, null));
  }

  @Override
  public Optional<Silence> silence(long projectId, String id) {
    return db.read("silence", conn -> silences(conn, projectId, id)).stream().findFirst();
  }

  private static List<Silence> silences(Connection conn, long projectId, String id) throws SQLException {
    Map<String, Map<String, String>> matchers = new HashMap<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT silence_id, name, value FROM silence_matchers WHERE project_id = ?"
        + (id == null ? "" : " AND silence_id = ?"))) {
      ps.setLong(1, projectId);
      if (id != null) ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) matchers.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + SILENCE_COLUMNS + " FROM silences WHERE project_id = ?"
        + (id == null ? "" : " AND id = ?") + " ORDER BY created_ns DESC, id")) {
      ps.setLong(1, projectId);
      if (id != null) ps.setString(2, id);
      List<Silence> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Silence(rs.getString(1), matchers.getOrDefault(rs.getString(1), Map.of()), rs.getLong(2),
              rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
        }
      }
      return out;
    }
  }

  @Override
  public boolean expireSilence(long projectId, String id, long atEpochNanos) {
    return db.transaction("expire silence", conn -> {
      // an expired silence keeps a positive length, so one that had not started yet ends at its start + 1 ns
      try (PreparedStatement ps = conn.prepareStatement("UPDATE silences SET ends_ns = greatest(starts_ns + 1, least(ends_ns, ?)) "
          + "WHERE project_id = ? AND id = ?")) {
        ps.setLong(1, atEpochNanos);
        ps.setLong(2, projectId);
        ps.setString(3, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public boolean deleteSilence(long projectId, String id) {
    return db.transaction("delete silence", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM silence_matchers WHERE project_id = ? AND silence_id = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, id);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM silences WHERE project_id = ? AND id = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, id);
        return ps.executeUpdate() > 0;
      }
    });
  }
}
