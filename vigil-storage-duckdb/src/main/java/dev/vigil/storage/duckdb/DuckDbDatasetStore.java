package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dataset;
import dev.vigil.storage.DatasetItem;
import dev.vigil.storage.DatasetStore;
import dev.vigil.storage.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** Datasets as plain rows; a primary key on (project, dataset, trace) makes adding idempotent. */
final class DuckDbDatasetStore implements DatasetStore {
  private static final String SELECT = "SELECT d.name, d.description, d.created_ns, "
      + "(SELECT count(*) FROM dataset_item_rows i WHERE i.project_id = d.project_id AND i.dataset = d.name) "
      + "FROM dataset_rows d WHERE d.project_id = ?";
  private final Database db;

  DuckDbDatasetStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean create(long projectId, String name, String description, long createdEpochNanos) {
    Dataset.requireValidName(name);
    return db.transaction("datasets", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO dataset_rows VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING name")) {
        ps.setLong(1, projectId);
        ps.setString(2, name);
        ps.setString(3, description);
        ps.setLong(4, createdEpochNanos);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public List<Dataset> list(long projectId) {
    return db.read("datasets", conn -> select(conn, SELECT + " ORDER BY d.name", projectId, null));
  }

  @Override
  public Optional<Dataset> get(long projectId, String name) {
    return db.read("datasets", conn -> select(conn, SELECT + " AND d.name = ?", projectId, name)).stream().findFirst();
  }

  private static List<Dataset> select(Connection conn, String sql, long projectId, String name) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setLong(1, projectId);
      if (name != null) ps.setString(2, name);
      List<Dataset> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new Dataset(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
      }
      return out;
    }
  }

  @Override
  public Set<String> addItems(long projectId, String name, List<DatasetItem> items) {
    Map<String, DatasetItem> unique = new LinkedHashMap<>();
    for (DatasetItem i : items) unique.putIfAbsent(i.traceId(), i); // one statement must not insert a key twice
    return db.transaction("dataset items", conn -> {
      long count = count(conn, projectId, name);
      Set<String> created = new HashSet<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO dataset_item_rows VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING trace_id")) {
        for (DatasetItem i : unique.values()) {
          ps.setLong(1, projectId);
          ps.setString(2, name);
          ps.setString(3, i.traceId());
          ps.setString(4, i.expected());
          ps.setString(5, i.note());
          ps.setLong(6, i.addedEpochNanos());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) created.add(rs.getString(1));
          }
        }
      }
      if (count + created.size() > MAX_ITEMS) { // rolled back by the transaction
        throw new IllegalArgumentException("dataset '" + name + "' would hold " + (count + created.size())
            + " items; at most " + MAX_ITEMS + " allowed");
      }
      return created;
    });
  }

  /** The dataset's item count, or NoSuchElementException when it does not exist. */
  private static long count(Connection conn, long projectId, String name) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT (SELECT count(*) FROM dataset_item_rows i "
        + "WHERE i.project_id = d.project_id AND i.dataset = d.name) FROM dataset_rows d WHERE d.project_id = ? AND d.name = ?")) {
      ps.setLong(1, projectId);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new NoSuchElementException("no dataset '" + name + "' in this project");
        return rs.getLong(1);
      }
    }
  }

  @Override
  public Page<DatasetItem> items(long projectId, String name, String cursor, int limit) {
    if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit must be between 1 and 10000");
    Cursor after = Cursor.decode(cursor);
    return db.read("dataset items", conn -> {
      count(conn, projectId, name);
      String sql = "SELECT trace_id, expected, note, added_ns FROM dataset_item_rows WHERE project_id = ? AND dataset = ?"
          + (after == null ? "" : " AND (added_ns > ? OR (added_ns = ? AND trace_id > ?))")
          + " ORDER BY added_ns, trace_id LIMIT " + (limit + 1);
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.setLong(1, projectId);
        ps.setString(2, name);
        if (after != null) {
          ps.setLong(3, after.sortLong());
          ps.setLong(4, after.sortLong());
          ps.setString(5, after.id());
        }
        List<DatasetItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(new DatasetItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
        if (out.size() <= limit) return new Page<>(out, null);
        DatasetItem last = out.get(limit - 1);
        return new Page<>(out.subList(0, limit),
            new Cursor(Long.toString(last.addedEpochNanos()), last.traceId()).encode());
      }
    });
  }

  @Override
  public boolean removeItem(long projectId, String name, String traceId) {
    return db.transaction("dataset items", conn -> delete(conn,
        "DELETE FROM dataset_item_rows WHERE project_id = ? AND dataset = ? AND trace_id = ?", projectId, name, traceId) > 0);
  }

  @Override
  public boolean delete(long projectId, String name) {
    return db.transaction("datasets", conn -> {
      delete(conn, "DELETE FROM dataset_item_rows WHERE project_id = ? AND dataset = ?", projectId, name, null);
      return delete(conn, "DELETE FROM dataset_rows WHERE project_id = ? AND name = ?", projectId, name, null) > 0;
    });
  }

  private static int delete(Connection conn, String sql, long projectId, String name, String traceId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setLong(1, projectId);
      ps.setString(2, name);
      if (traceId != null) ps.setString(3, traceId);
      return ps.executeUpdate();
    }
  }
}
