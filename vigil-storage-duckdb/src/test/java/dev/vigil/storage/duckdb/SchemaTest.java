package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The columnar batches must match the migrated tables column for column. */
class SchemaTest {
  @TempDir
  Path dir;

  @Test
  void batchesMatchTheTables() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("s.duckdb"))) {
      assertThat(Migrations.apply(conn)).isEqualTo(Migrations.latest());
      assertThat(Migrations.apply(conn)).isEqualTo(Migrations.latest()); // idempotent
      assertThat(columns(conn, "span_index")).containsExactlyElementsOf(names(new SpanBatch(1, 1)));
      assertThat(columns(conn, "attachment_index")).containsExactlyElementsOf(names(new AttachmentBatch(1, 1)));
    }
  }

  @Test
  void anOlderDirectoryGetsEveryMissingMigrationAndScoringStartsAtWhatIsIndexed() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("old.duckdb"))) {
      var st = conn.createStatement();
      st.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
      for (String statement : Migrations.statements(new String(Migrations.class
          .getResourceAsStream("migrations/V001__initial.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
        st.execute(statement);
      }
      st.execute("INSERT INTO schema_version VALUES (1, now())");
      st.execute("INSERT INTO log_checkpoint VALUES (7, 3, 4096)");

      Migrations.apply(conn);

      var rs = st.executeQuery("SELECT cursor FROM scoring_checkpoint WHERE project_id = 7");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("3:4096");
      var versions = st.executeQuery("SELECT list(version ORDER BY version) FROM schema_version");
      versions.next();
      assertThat(versions.getString(1)).isEqualTo(Migrations.FILES.stream().map(Migrations::version).toList().toString());
    }
    assertThat(Migrations.version("V003__scoring.sql")).isEqualTo(3);
  }

  @Test
  void scoresStoredBeforeTheFactTableKeepTheirMetadataAndStayUnique() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("scores.duckdb"))) {
      var st = migratedBelow(conn, 12);
      st.execute("INSERT INTO score_rows VALUES (1, 'a', 't', 's', 'policy', 'boolean', 1, NULL, 'eval', NULL, 10, "
          + "MAP {'scorecard': 'rules', 'feature': 'chat'}), (1, 'b', 't', NULL, 'tone', 'categorical', NULL, 'kind', "
          + "'api', 'why', 20, MAP {}), (2, 'a', 't2', NULL, 'policy', 'boolean', 0, NULL, 'eval', NULL, 30, "
          + "MAP {'scorecard': 'rules', 'feature': 'chat'})");

      Migrations.apply(conn);

      var rs = st.executeQuery("SELECT project_id, id, label, comment, time_ns, metadata::VARCHAR FROM score_rows "
          + "ORDER BY project_id, id");
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getLong(5)
            + " " + rs.getString(6));
      }
      assertThat(rows).containsExactly("1 a null null 10 {scorecard=rules, feature=chat}", "1 b kind why 20 {}",
          "2 a null null 30 {scorecard=rules, feature=chat}");
      var kinds = st.executeQuery("SELECT count(*), max(id) FROM score_kinds");
      kinds.next();
      assertThat(kinds.getLong(1)).isEqualTo(3); // one a project, name, type, source and map
      assertThat(kinds.getLong(2)).isNegative(); // never a hash id
    }
  }

  @Test
  void scoresStoredBeforeTheirKindsReadBackAsTheyWere() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("kinds.duckdb"))) {
      var st = migratedBelow(conn, 14);
      String trace = "8f0e1d2c3b4a59687766554433221100"; // high half's top bit set: a negative BIGINT
      st.execute("INSERT INTO score_meta VALUES (1, 5, MAP {'scorecard': 'rules'})");
      st.execute("INSERT INTO score_facts VALUES "
          + "(1, 'ev_ffeeddccbbaa99887766554433221100', '" + trace + "', 'fedcba9876543210', 'policy', 'boolean', 1, "
          + "NULL, 'eval', NULL, 10, 5), "
          + "(1, 'ev_00112233445566778899aabbccddeeff', '" + trace + "', NULL, 'length', 'numeric', 42, NULL, 'eval', "
          + "'long', 10, 5), "
          + "(1, 'thumbs-1', 'ABCDEF', 'not-hex', 'tone', 'categorical', NULL, 'kind', 'api', NULL, 20, NULL), "
          + "(1, 'EV_FFEEDDCCBBAA99887766554433221100', NULL, NULL, 'tone', 'categorical', NULL, 'rude', 'api', NULL, 30, NULL)");
      List<String> before = scoreRows(st);

      Migrations.apply(conn);

      assertThat(scoreRows(st)).containsExactlyElementsOf(before);
      var stored = st.executeQuery("SELECT count(*) FILTER (WHERE id IS NULL), count(*) FILTER (WHERE trace_id IS NULL), "
          + "count(*) FILTER (WHERE span_id IS NULL) FROM score_values");
      stored.next();
      assertThat(stored.getLong(1)).isEqualTo(2); // the evaluator ids as halves
      assertThat(stored.getLong(2)).isEqualTo(3); // the hex trace ids as halves, and the missing one
      assertThat(stored.getLong(3)).isEqualTo(3); // the hex span id as one, and the missing ones
      var kinds = st.executeQuery("SELECT count(*) FROM score_kinds");
      kinds.next();
      assertThat(kinds.getLong(1)).isEqualTo(3); // policy and length with their map; tone from the API without
    }
  }

  /** A database as a version before {@code version} left it. */
  private static java.sql.Statement migratedBelow(Connection conn, int version) throws Exception {
    var st = conn.createStatement();
    st.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
    for (String file : Migrations.FILES) {
      if (Migrations.version(file) >= version) break;
      for (String statement : Migrations.statements(new String(Migrations.class.getResourceAsStream("migrations/" + file)
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
        st.execute(statement);
      }
      st.execute("INSERT INTO schema_version VALUES (" + Migrations.version(file) + ", now())");
    }
    return st;
  }

  private static List<String> scoreRows(java.sql.Statement st) throws Exception {
    List<String> rows = new ArrayList<>();
    try (var rs = st.executeQuery("SELECT project_id, id, trace_id, span_id, name, data_type, value, label, source, "
        + "comment, time_ns, metadata::VARCHAR FROM score_rows ORDER BY time_ns, id")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) row.append(rs.getString(i)).append('|');
        rows.add(row.toString());
      }
    }
    assertThat(rows).hasSize(4);
    return rows;
  }

  private static List<String> names(ColumnBatch b) {
    return b.columns.stream().map(c -> c.name + " " + c.type()).toList();
  }

  private static List<String> columns(Connection conn, String table) throws Exception {
    List<String> out = new ArrayList<>();
    try (var rs = conn.createStatement().executeQuery(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
      while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2));
    }
    return out;
  }
}
