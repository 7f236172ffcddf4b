package dev.vigil.storage.duckdb;

import dev.vigil.storage.SqlRejectedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a console query may run, using DuckDB's own parser: {@code json_serialize_sql}
 * returns the AST of SELECT statements only (and an error for anything else), and {@link
 * SqlAstWalker} checks every node of it. What finally runs is not the text the user typed but
 * DuckDB's rendering of the checked AST, wrapped in a row cap and checked once more, so no
 * difference between how the gate and the engine read a text can matter.
 */
final class SqlGate {

  static final int MAX_LENGTH = 20_000;

  private static final Logger log = LoggerFactory.getLogger(SqlGate.class);

  private final Set<String> views;

  /** @param views the names a query may read from, e.g. spans and traces */
  SqlGate(Collection<String> views) {
    TreeSet<String> lower = new TreeSet<>();
    for (String view : views) lower.add(SqlNames.asciiLower(view));
    this.views = lower;
  }

  static void checkLength(String sql) {
    if (sql.length() > MAX_LENGTH) {
      throw new SqlRejectedException(
          "query is too long: " + sql.length() + " characters, at most " + MAX_LENGTH);
    }
  }

  /**
   * Checks {@code sql} and returns the SQL to execute instead: the same SELECT as DuckDB renders
   * it, reading at most {@code rowCap} rows (the JDBC driver materializes whole results).
   */
  String bounded(Connection connection, String sql, long rowCap) throws SQLException {
    String ast = check(connection, sql);
    String rendered = scalar(connection, "SELECT json_deserialize_sql(?)", ast);
    String capped = "SELECT * FROM (" + rendered + ") LIMIT " + rowCap;
    checkAst(connection, capped); // not the length: a rendering may be longer than what was typed
    return capped;
  }

  /** Throws {@link SqlRejectedException} unless {@code sql} is one allowed SELECT; returns its AST. */
  String check(Connection connection, String sql) throws SQLException {
    checkLength(sql);
    return checkAst(connection, sql);
  }

  private String checkAst(Connection connection, String sql) throws SQLException {
    String json = scalar(connection, "SELECT json_serialize_sql(?)", sql);
    Map<?, ?> result = parsed(json);
    if (Boolean.TRUE.equals(result.get("error"))) throw parseError(result);
    if (!(result.get("statements") instanceof List<?> statements) || statements.isEmpty()) {
      throw new SqlRejectedException("query is empty");
    }
    if (statements.size() > 1) throw new SqlRejectedException("one statement per query");
    Set<String> ctes = SqlAstWalker.check(statements.get(0), views);
    if (!ctes.isEmpty()) checkCteNames(connection, ctes);
    return json;
  }

  /** The tables (and views) a trusted SELECT reads, lower-cased: the view definitions' sources. */
  Set<String> tablesIn(Connection connection, String select) throws SQLException {
    Map<?, ?> result = parsed(scalar(connection, "SELECT json_serialize_sql(?)", select));
    if (Boolean.TRUE.equals(result.get("error"))) throw parseError(result);
    return SqlAstWalker.tableNames(result.get("statements"));
  }

  private static Map<?, ?> parsed(String json) {
    try {
      if (SqlJson.parse(json) instanceof Map<?, ?> result) return result;
    } catch (SqlJson.TooDeep e) {
      throw new SqlRejectedException("query is nested too deeply");
    } catch (IllegalArgumentException e) {
      log.warn("unexpected output of json_serialize_sql: {}", e.getMessage());
    }
    throw new SqlRejectedException("query could not be checked");
  }

  private static String scalar(Connection connection, String select, String argument)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      statement.setString(1, argument);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /**
   * A CTE may not share its name with a table or view of the catalog. The walker already resolves
   * CTE scopes the way DuckDB does; this makes a mistake there fail rather than reach a table.
   */
  private void checkCteNames(Connection connection, Set<String> ctes) throws SQLException {
    Set<String> catalog = new HashSet<>();
    try (PreparedStatement names = connection.prepareStatement(
            "SELECT lower(table_name) FROM duckdb_tables() "
                + "UNION SELECT lower(view_name) FROM duckdb_views()");
        ResultSet rs = names.executeQuery()) {
      while (rs.next()) catalog.add(rs.getString(1));
    }
    for (String cte : ctes) {
      if (catalog.contains(cte) && !views.contains(cte)) {
        throw new SqlRejectedException("CTE name '" + cte + "' is reserved; choose another name");
      }
    }
  }

  private static SqlRejectedException parseError(Map<?, ?> result) {
    String message = String.valueOf(result.get("error_message"));
    if (message.startsWith("Only SELECT statements")) { // "... can be serialized to json!"
      return new SqlRejectedException("only SELECT statements are allowed");
    }
    if ("parser".equals(result.get("error_type"))) {
      String at = "";
      if (result.get("position") instanceof String p && p.matches("\\d{1,9}")) {
        at = " (at character " + (Integer.parseInt(p) + 1) + ")";
      }
      return new SqlRejectedException("Parser Error: " + message + at);
    }
    return new SqlRejectedException(message);
  }
}
