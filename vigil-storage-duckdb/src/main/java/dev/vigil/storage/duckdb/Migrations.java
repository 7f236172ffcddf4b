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
 * Versioned schema migrations: SQL files named {@code V<number>__<what>.sql}, applied in number
 * order, each in its own transaction, recorded in {@code schema_version}. Every file whose number is
 * not recorded yet is applied, so migrations written on parallel branches (numbers reserved ahead,
 * merged later) all reach a data directory. One from a newer Vigil is refused rather than misread.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  static final List<String> FILES = List.of(
      "V001__initial.sql",
      "V002__accounts.sql",
      "V003__scoring.sql",
      "V004__alerting.sql",
      "V005__datasets.sql",
      "V006__review.sql",
      "V008__monitors.sql",
      "V009__alert_rules.sql",
      "V010__judge.sql",
      "V011__rollups.sql",
      "V012__score_facts.sql",
      "V013__user_histograms.sql",
      "V014__score_kinds.sql");

  private Migrations() {}

  static int latest() {
    return FILES.stream().mapToInt(Migrations::version).max().orElse(0);
  }

  static int version(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
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
    java.util.Set<Integer> applied = applied(conn);
    for (String file : FILES) {
      int v = version(file);
      if (applied.contains(v)) continue;
      String sql = load(file);
      boolean auto = conn.getAutoCommit();
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        for (String statement : statements(sql)) st.execute(statement);
        st.execute("INSERT INTO schema_version VALUES (" + v + ", now())");
        conn.commit();
        LOG.info("applied schema migration {}", file);
      } catch (SQLException e) {
        conn.rollback();
        throw new SQLException("schema migration " + file + " failed: " + e.getMessage(), e);
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

  private static java.util.Set<Integer> applied(Connection conn) throws SQLException {
    java.util.Set<Integer> out = new java.util.HashSet<>();
    try (Statement st = conn.createStatement(); var rs = st.executeQuery("SELECT version FROM schema_version")) {
      while (rs.next()) out.add(rs.getInt(1));
    }
    return out;
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
