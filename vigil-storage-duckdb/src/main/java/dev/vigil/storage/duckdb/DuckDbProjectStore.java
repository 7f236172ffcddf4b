package dev.vigil.storage.duckdb;

import dev.vigil.model.ApiKey;
import dev.vigil.model.PiiMode;
import dev.vigil.model.PiiRule;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.Project;
import dev.vigil.model.ProjectSettings;
import dev.vigil.storage.ProjectStore;
import dev.vigil.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** Projects, their settings (with PII rules and price overrides) and API key records. */
final class DuckDbProjectStore implements ProjectStore {
  private final Database db;
  private final Clock clock;

  DuckDbProjectStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Project createProject(String name, ProjectSettings settings) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("project name is required");
    if (name.length() > 200) throw new IllegalArgumentException("project name is longer than 200 characters");
    ProjectSettings s = settings == null ? ProjectSettings.DEFAULTS : settings;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // DuckDB keeps microseconds
    return inTransaction(conn -> {
      long id;
      try (var st = conn.createStatement(); var rs = st.executeQuery("SELECT nextval('project_id_seq')")) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO projects VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, name.strip());
        ps.setTimestamp(3, Timestamp.from(now));
        ps.setInt(4, s.retentionDays());
        ps.setString(5, s.piiMode().wireName());
        ps.setString(6, s.featureAttribute());
        ps.executeUpdate();
      }
      writeRules(conn, id, s);
      return new Project(id, name.strip(), now, s);
    });
  }

  @Override
  public Optional<Project> getProject(long projectId) {
    return query(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, name, created_at, retention_days, pii_mode, feature_attribute FROM projects WHERE id = ?")) {
        ps.setLong(1, projectId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(project(conn, rs)) : Optional.<Project>empty();
        }
      }
    });
  }

  @Override
  public List<Project> listProjects() {
    return query(conn -> {
      List<Project> projects = new ArrayList<>();
      try (var st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, name, created_at, retention_days, pii_mode, feature_attribute FROM projects ORDER BY id")) {
        while (rs.next()) projects.add(project(conn, rs));
      }
      return projects;
    });
  }

  @Override
  public Project updateSettings(long projectId, ProjectSettings settings) {
    return inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE projects SET retention_days = ?, pii_mode = ?, feature_attribute = ? WHERE id = ?")) {
        ps.setInt(1, settings.retentionDays());
        ps.setString(2, settings.piiMode().wireName());
        ps.setString(3, settings.featureAttribute());
        ps.setLong(4, projectId);
        if (ps.executeUpdate() == 0) throw new NoSuchElementException("no project " + projectId);
      }
      for (String table : List.of("project_pii_rules", "project_price_overrides")) {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE project_id = ?")) {
          ps.setLong(1, projectId);
          ps.executeUpdate();
        }
      }
      writeRules(conn, projectId, settings);
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, name, created_at, retention_days, pii_mode, feature_attribute FROM projects WHERE id = ?")) {
        ps.setLong(1, projectId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return project(conn, rs);
        }
      }
    });
  }

  @Override
  public ApiKey createKey(long projectId, String name, String prefix, String secretHash, boolean admin) {
    if (getProject(projectId).isEmpty()) throw new NoSuchElementException("no project " + projectId);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // DuckDB keeps microseconds
    String id = UUID.randomUUID().toString();
    String keyName = name == null || name.isBlank() ? "key" : name.strip();
    return inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO api_keys VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
        ps.setString(1, id);
        ps.setLong(2, projectId);
        ps.setString(3, keyName);
        ps.setString(4, prefix);
        ps.setString(5, secretHash);
        ps.setBoolean(6, admin);
        ps.setTimestamp(7, Timestamp.from(now));
        ps.executeUpdate();
      }
      return new ApiKey(id, projectId, keyName, prefix, admin, now, null, null);
    });
  }

  @Override
  public List<ApiKey> listKeys(long projectId) {
    return query(conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT id, project_id, name, prefix, admin, created_at, revoked_at, last_used_at FROM api_keys WHERE project_id = ? ORDER BY created_at")) {
        ps.setLong(1, projectId);
        List<ApiKey> keys = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) keys.add(key(rs));
        }
        return keys;
      }
    });
  }

  @Override
  public boolean revokeKey(long projectId, String keyId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // DuckDB keeps microseconds
    return inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND project_id = ? AND revoked_at IS NULL")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setString(2, keyId);
        ps.setLong(3, projectId);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Optional<ApiKey> findKeyByHash(String secretHash) {
    return query(conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT id, project_id, name, prefix, admin, created_at, revoked_at, last_used_at FROM api_keys WHERE secret_hash = ?")) {
        ps.setString(1, secretHash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(key(rs)) : Optional.<ApiKey>empty();
        }
      }
    });
  }

  private static ApiKey key(ResultSet rs) throws SQLException {
    return new ApiKey(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private Project project(Connection conn, ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    List<PiiRule> rules = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT name, pattern FROM project_pii_rules WHERE project_id = ? ORDER BY position")) {
      ps.setLong(1, id);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) rules.add(new PiiRule(r.getString(1), r.getString(2)));
      }
    }
    List<PriceOverride> prices = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT model_pattern, provider, input_per_million, output_per_million, cache_read_per_million, "
            + "cache_write_per_million, reasoning_per_million FROM project_price_overrides WHERE project_id = ? ORDER BY position")) {
      ps.setLong(1, id);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          prices.add(new PriceOverride(r.getString(1), r.getString(2), r.getDouble(3), r.getDouble(4),
              (Double) r.getObject(5), (Double) r.getObject(6), (Double) r.getObject(7)));
        }
      }
    }
    ProjectSettings settings = new ProjectSettings(rs.getInt(4), PiiMode.fromWireName(rs.getString(5)),
        rules, prices, rs.getString(6));
    return new Project(id, rs.getString(2), instant(rs.getTimestamp(3)), settings);
  }

  private static void writeRules(Connection conn, long projectId, ProjectSettings s) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO project_pii_rules VALUES (?, ?, ?, ?)")) {
      int position = 0;
      for (PiiRule rule : s.piiRules()) {
        ps.setLong(1, projectId);
        ps.setInt(2, position++);
        ps.setString(3, rule.name());
        ps.setString(4, rule.pattern());
        ps.addBatch();
      }
      if (position > 0) ps.executeBatch();
    }
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO project_price_overrides VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (PriceOverride p : s.priceOverrides()) {
        ps.setLong(1, projectId);
        ps.setInt(2, position++);
        ps.setString(3, p.modelPattern());
        ps.setString(4, p.provider());
        ps.setDouble(5, p.inputPerMillion());
        ps.setDouble(6, p.outputPerMillion());
        ps.setObject(7, p.cacheReadPerMillion());
        ps.setObject(8, p.cacheWritePerMillion());
        ps.setObject(9, p.reasoningPerMillion());
        ps.addBatch();
      }
      if (position > 0) ps.executeBatch();
    }
  }

  private <T> T query(Database.Work<T> work) {
    return db.read("project store", work);
  }

  private <T> T inTransaction(Database.Work<T> work) {
    return db.transaction("project store", work);
  }
}
