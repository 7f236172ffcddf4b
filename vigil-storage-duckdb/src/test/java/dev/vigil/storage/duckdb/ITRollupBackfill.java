package dev.vigil.storage.duckdb;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.tests.TestObjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollups are written with the spans, queries really read them, and migrations V011 and V013
 * rebuild them for a data directory indexed before they existed.
 */
class ITRollupBackfill {
  @TempDir
  Path dir;

  private static final SpanFilter WEEK = SpanFilter.between(T0 - 7 * 24 * HOUR + 11, T0 + 200_000_000L);
  private static final MetricQuery BY_FEATURE = new MetricQuery(WEEK, MetricScope.LLM_CALLS, null,
      List.of(Dimension.FEATURE), MetricOrder.COUNT, 10);
  private static final MetricQuery TOP_USERS = new MetricQuery(WEEK, MetricScope.LLM_CALLS, null,
      List.of(Dimension.USER), MetricOrder.COUNT, 10);

  @Test
  void rollupsAreWrittenReadAndBackfilledByTheMigration() throws Exception {
    long project;
    try (DuckDbStorage storage = open()) {
      project = storage.projectStore().createProject("p", null).id();
      List<Span> spans = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        spans.addAll(TestObjects.trace(T0 - i * 2 * HOUR - 7, i % 3 == 0 ? "search" : "chat", "gpt-4o"));
      }
      for (int b = 0; b < 3; b++) { // three index transactions, partial rows for the same keys
        storage.spanConsumer().accept(project, spans.subList(b * 60, (b + 1) * 60), List.of());
        storage.flush();
      }
      assertThat(counts(storage, project, BY_FEATURE)).containsExactly(40L, 20L);
      assertThat(counts(storage, project, TOP_USERS)).containsExactly(60L);
    }
    assertThat(sql("SELECT 1")).allMatch(n -> n > 0);
    assertThat(duplicateKeys()).as("partial rows merged when the indexer idled or closed").isZero();
    assertThat(sql("DELETE FROM span_rollup_hour", "DELETE FROM span_rollup_day", "DELETE FROM user_rollup")).allMatch(n -> n > 0);
    try (DuckDbStorage storage = open()) { // the answer is read from the rollups: now only the edge is left
      assertThat(counts(storage, project, BY_FEATURE)).containsExactly(1L);
    }
    sql("DROP TABLE span_rollup_hour", "DROP TABLE span_rollup_day", "DROP TABLE user_rollup", "DELETE FROM schema_version WHERE version IN (11, 13)");
    try (DuckDbStorage storage = open()) {
      assertThat(counts(storage, project, BY_FEATURE)).containsExactly(40L, 20L);
      assertThat(counts(storage, project, TOP_USERS)).containsExactly(60L);
    }
    assertThat(sql()).allMatch(n -> n > 0);
  }

  @Test
  void theMigrationBackfillsWithTheSqlRetentionRebuildsWith() throws Exception {
    String v011 = new String(Migrations.class.getResourceAsStream("migrations/V011__rollups.sql").readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(Migrations.statements(v011))
        .containsAll(RollupSql.backfill());
    String v013 = new String(Migrations.class.getResourceAsStream("migrations/V013__user_histograms.sql").readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(Migrations.statements(v013)).contains(RollupSql.userBackfill());
  }

  private DuckDbStorage open() {
    return DuckDbStorage.builder(dir).threads(2).minRollupSpans(0).build();
  }

  private static List<Long> counts(DuckDbStorage storage, long project, MetricQuery q) {
    return storage.metricStore().query(project, q).stream().map(MetricRow::count).sorted((a, b) -> Long.compare(b, a)).toList();
  }

  private long duplicateKeys() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("vigil.duckdb"));
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM span_rollup_day) - (SELECT count(*) FROM "
            + "(SELECT DISTINCT " + RollupSql.KEY + " FROM span_rollup_day)) + (SELECT count(*) FROM user_rollup) - "
            + "(SELECT count(*) FROM (SELECT DISTINCT project_id, day_ns, user_id FROM user_rollup))")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs the statements on the closed store's file; returns the rollup tables' row counts before. */
  private List<Long> sql(String... statements) throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("vigil.duckdb"));
        Statement st = conn.createStatement()) {
      List<Long> rows = new ArrayList<>();
      for (String table : List.of("span_rollup_hour", "span_rollup_day", "user_rollup")) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          rows.add(rs.getLong(1));
        }
      }
      for (String s : statements) st.execute(s);
      return rows;
    }
  }
}
