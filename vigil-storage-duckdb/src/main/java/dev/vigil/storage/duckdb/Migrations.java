package dev.vigil.storage.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: numbered SQL files applied in order, each in its own transaction,
 * recorded in {@code schema_version}. A data directory from an older version upgrades on start; one
 * from a newer version is refused rather than misread.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  static final List<String> FILES = List.of("V001__initial.sql", "V002__accounts.sql");

  private Migrations() {}

  static int latest() {
    return FILES.size();
  }

  /** @return the schema version after migrating */
  static int apply(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
    }
    int current = current(conn);
    if (current > latest()) {
      throw new IllegalStateException("the data directory has schema version " + current
          + " but this Vigil knows only up to " + latest() + "; run a newer Vigil");
    }
    for (int v = current + 1; v <= latest(); v++) {
      String sql = load(FILES.get(v - 1));
      boolean auto = conn.getAutoCommit();
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        for (String statement : statements(sql)) st.execute(statement);
        st.execute("INSERT INTO schema_version VALUES (" + v + ", now())");
        conn.commit();
        LOG.info("applied schema migration {}", FILES.get(v - 1));
      } catch (SQLException e) {
        conn.rollback();
        throw new SQLException("schema migration " + FILES.get(v - 1) + " failed: " + e.getMessage(), e);
      } finally {
        conn.setAutoCommit(auto);
      }
    }
    return latest();
  }

  static int current(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String load(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
      if (in == null) throw new IllegalStateException("missing migration " + file);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + file, e);
    }
  }

  /** Splits on semicolons at line ends; migrations are written one statement per semicolon. */
  static List<String> statements(String sql) {
    StringBuilder clean = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) clean.append(line).append('\n');
    }
    return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
        .map(String::strip)
        .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
