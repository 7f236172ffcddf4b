package dev.vigil.storage.duckdb;

import dev.vigil.storage.SqlConsole;
import dev.vigil.storage.SqlRejectedException;
import dev.vigil.storage.SqlResult;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only SQL console on the embedded DuckDB. Per query: borrow a connection, check the
 * query ({@link SqlGate}), create TEMP views that hold only the caller's project, run DuckDB's
 * rendering of the query under a row cap and a time limit, and drop the views again.
 *
 * <p>The supplier lends a connection in auto-commit mode that no other thread uses until the call
 * returns (DuckDB connections are not thread-safe), e.g. a thread-confined {@code
 * DuckDBConnection.duplicate()}. Run {@code SET enable_external_access=false} and {@code SET
 * lock_configuration=true} on the database first. The console never closes the connection and
 * leaves it as it found it, also after a failed or interrupted query. Each view should filter on
 * a plain {@code project_id = {project_id}} comparison, which DuckDB applies in the table scan,
 * before any expression of the user's query can see (or fail on) another project's row.
 */
public final class DuckDbSqlConsole implements SqlConsole {

  /** Replaced, in each view's SELECT, by the caller's numeric project id. */
  public static final String PROJECT_ID = "{project_id}";

  private static final Pattern VIEW_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Logger log = LoggerFactory.getLogger(DuckDbSqlConsole.class);

  private final Connections connections;

  /** Where the console gets a connection for one query and returns it afterwards. */
  interface Connections {
    Connection borrow();

    void giveBack(Connection connection);
  }
  private final Map<String, String> views;
  private final SqlGate gate;
  private volatile Set<String> hiddenTables; // named in the view definitions; masked in errors

  /**
   * @param views each public view name (lower-case identifier, e.g. "spans") mapped to the SELECT
   *     that defines it, containing {@value #PROJECT_ID}
   */
  public DuckDbSqlConsole(Supplier<Connection> connections, Map<String, String> views) {
    this(new Connections() {
      @Override
      public Connection borrow() {
        return connections.get();
      }

      @Override
      public void giveBack(Connection connection) {}
    }, views);
  }

  DuckDbSqlConsole(Connections connections, Map<String, String> views) {
    this.connections = Objects.requireNonNull(connections, "connections");
    if (views.isEmpty()) throw new IllegalArgumentException("the SQL console needs at least one view");
    views.forEach((name, select) -> {
      if (!VIEW_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("view name must be a lower-case identifier: " + name);
      }
      if (!select.contains(PROJECT_ID)) {
        throw new IllegalArgumentException("view " + name + " does not filter on " + PROJECT_ID);
      }
    });
    this.views = Collections.unmodifiableMap(new TreeMap<>(views));
    this.gate = new SqlGate(this.views.keySet());
  }

  @Override
  public SqlResult query(long projectId, String sql, int maxRows, Duration timeout) {
    Objects.requireNonNull(sql, "sql");
    if (maxRows < 0) throw new IllegalArgumentException("maxRows must not be negative");
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    SqlGate.checkLength(sql); // before borrowing anything
    Connection connection = connections.borrow();
    Set<String> hidden = Set.of();
    try {
      if (!connection.getAutoCommit()) {
        throw new IllegalStateException("the SQL console needs connections in auto-commit mode");
      }
      hidden = hiddenTables(connection);
      String bounded = gate.bounded(connection, sql, maxRows + 1L);
      try {
        createViews(connection, projectId);
        return run(connection, bounded, maxRows, timeout);
      } finally {
        dropViews(connection);
      }
    } catch (SQLException e) {
      throw new SqlRejectedException(SqlErrors.clean(e.getMessage(), hidden));
    } finally {
      connections.giveBack(connection);
    }
  }

  private static SqlResult run(Connection connection, String sql, int maxRows, Duration timeout)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        SqlDeadline deadline = SqlDeadline.arm(statement, timeout)) {
      try (ResultSet rs = statement.executeQuery(sql)) {
        return read(rs, maxRows);
      } catch (SQLException e) {
        if (deadline.fired()) {
          throw new SqlRejectedException("query exceeded the " + seconds(timeout) + " s time limit");
        }
        throw e;
      }
    }
  }

  private static SqlResult read(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int width = meta.getColumnCount();
    List<String> columns = new ArrayList<>(width);
    List<String> types = new ArrayList<>(width);
    int[] sqlTypes = new int[width];
    for (int i = 1; i <= width; i++) {
      columns.add(meta.getColumnName(i));
      types.add(meta.getColumnTypeName(i));
      sqlTypes[i - 1] = meta.getColumnType(i);
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) { // the SQL asked for maxRows + 1 rows: one more means there were more
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(width);
      for (int i = 1; i <= width; i++) row.add(SqlValues.read(rs, i, sqlTypes[i - 1]));
      rows.add(Collections.unmodifiableList(row));
    }
    return new SqlResult(List.copyOf(columns), List.copyOf(types), Collections.unmodifiableList(rows), truncated);
  }

  private void createViews(Connection connection, long projectId) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> view : views.entrySet()) {
        String select = view.getValue().replace(PROJECT_ID, Long.toString(projectId));
        statement.execute("CREATE OR REPLACE TEMP VIEW " + view.getKey() + " AS " + select);
      }
    }
  }

  /** Other code may use the connection next: leave no view of this project behind. */
  private void dropViews(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      for (String name : views.keySet()) statement.execute("DROP VIEW IF EXISTS temp.main." + name);
    } catch (SQLException e) {
      log.warn("could not drop the SQL console's views from a connection", e);
    }
  }

  private Set<String> hiddenTables(Connection connection) throws SQLException {
    Set<String> hidden = hiddenTables;
    if (hidden == null) { // computed once; a race only computes it twice
      Set<String> tables = new HashSet<>();
      for (String select : views.values()) {
        tables.addAll(gate.tablesIn(connection, select.replace(PROJECT_ID, "0")));
      }
      tables.removeAll(views.keySet());
      hidden = hiddenTables = Set.copyOf(tables);
    }
    return hidden;
  }

  private static String seconds(Duration timeout) {
    return BigDecimal.valueOf(timeout.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
  }
}
