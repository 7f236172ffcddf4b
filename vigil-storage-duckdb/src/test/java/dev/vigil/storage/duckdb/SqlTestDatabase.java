package dev.vigil.storage.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB with two projects' rows in physical tables whose names differ from the
 * console's views, locked down the way production runs it.
 */
final class SqlTestDatabase implements AutoCloseable {

  static final long A = 1;
  static final long B = 2;

  /** Everything of project B carries this word, so a leak shows up in a plain string search. */
  static final String SECRET = "secret";

  static final Map<String, String> VIEWS = Map.of(
      "spans",
      "SELECT trace_id, span_id, parent_span_id, name, model, start_time, duration_ms,"
          + " input_tokens, cost, status FROM span_index WHERE project_id = {project_id}",
      "traces",
      "SELECT trace_id, name, start_time, user_id, tags FROM trace_index"
          + " WHERE project_id = {project_id}");

  final DuckDBConnection root;
  private final List<Connection> duplicates = new ArrayList<>();

  SqlTestDatabase() throws SQLException {
    root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = root.createStatement()) {
      s.execute("CREATE TABLE span_index (project_id BIGINT, trace_id VARCHAR, span_id VARCHAR,"
          + " parent_span_id VARCHAR, name VARCHAR, model VARCHAR, start_time TIMESTAMP,"
          + " duration_ms DOUBLE, input_tokens INTEGER, cost DECIMAL(18, 6), status VARCHAR)");
      s.execute("CREATE TABLE trace_index (project_id BIGINT, trace_id VARCHAR, name VARCHAR,"
          + " start_time TIMESTAMP, user_id VARCHAR, tags VARCHAR[])");
      s.execute("CREATE TABLE api_keys (project_id BIGINT, key_hash VARCHAR)");
      s.execute("INSERT INTO span_index VALUES"
          + " (1, 't-a1', 's1', NULL, 'chat', 'gpt-4o', TIMESTAMP '2026-01-05 10:00:00', 120.5, 100, 0.001, 'OK'),"
          + " (1, 't-a1', 's2', 's1', 'tool', NULL, TIMESTAMP '2026-01-05 10:00:01', 30, NULL, NULL, 'OK'),"
          + " (1, 't-a2', 's3', NULL, 'chat', 'claude', TIMESTAMP '2026-01-05 11:30:00', 300, 200, 0.003, 'ERROR'),"
          + " (2, 't-b1', 'secret-s1', NULL, 'secret-chat', 'secret-model', TIMESTAMP '2026-01-05 10:00:00', 999, 5000, 9.5, 'OK'),"
          + " (2, 't-b1', 'secret-s2', 'secret-s1', 'secret-tool', NULL, TIMESTAMP '2026-01-05 10:00:02', 1, 1, 1, 'OK')");
      s.execute("INSERT INTO trace_index VALUES"
          + " (1, 't-a1', 'support chat', TIMESTAMP '2026-01-05 10:00:00', 'alice', ['prod']),"
          + " (1, 't-a2', 'support chat', TIMESTAMP '2026-01-05 11:30:00', 'bob', []),"
          + " (2, 't-b1', 'secret-trace', TIMESTAMP '2026-01-05 10:00:00', 'secret-user', ['secret'])");
      s.execute("INSERT INTO api_keys VALUES (1, 'hash-a'), (2, 'secret-hash')");
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    }
  }

  /** A new connection to the same database, closed with this one. */
  synchronized Connection duplicate() {
    try {
      Connection connection = root.duplicate();
      duplicates.add(connection);
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One connection per thread, as production lends them. */
  Supplier<Connection> perThread() {
    ThreadLocal<Connection> local = ThreadLocal.withInitial(this::duplicate);
    return local::get;
  }

  DuckDbSqlConsole console() {
    return new DuckDbSqlConsole(perThread(), VIEWS);
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    for (Connection connection : duplicates) connection.close();
    root.close();
  }
}
