package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;

/**
 * What a page of scores costs DuckDB to insert, commit and checkpoint in each candidate row layout,
 * with nothing else in the way: the rows are staged in a temporary table first, so only the copy
 * into the layout's table is timed (process CPU and wall time, per span of a 4,000-span page with
 * 2,667 LLM calls of six scores each). Chose V014's layout ({@code kinds}) over the V012 row
 * ({@code v012}) and over one row per subject holding lists ({@code lists}).
 * Usage: {@code ScoreLayoutBenchmark <layout> [pages, default 60] [dir, default a temporary one]}.
 */
public final class ScoreLayoutBenchmark {
  private static final int SPANS_A_PAGE = 4000;
  private static final int CALLS_A_PAGE = 2667;

  /** Each layout's table, and the staging query that fills it (columns in the table's order, after {@code page}). */
  private static final Map<String, String[]> LAYOUTS = Map.of(
      "v012", new String[] {
          "project_id BIGINT NOT NULL, id VARCHAR NOT NULL, trace_id VARCHAR, span_id VARCHAR, name VARCHAR NOT NULL, "
              + "data_type VARCHAR NOT NULL, value DOUBLE, label VARCHAR, source VARCHAR NOT NULL, comment VARCHAR, "
              + "time_ns BIGINT NOT NULL, meta_id BIGINT",
          "SELECT page, 1::BIGINT, id, trace_id, span_id, name, data_type, value, label, 'eval', NULL::VARCHAR, time_ns, "
              + "12345::BIGINT FROM stage"},
      "kinds", new String[] {
          "project_id BIGINT NOT NULL, id_hi BIGINT, id_lo BIGINT, id VARCHAR, trace_hi BIGINT, trace_lo BIGINT, "
              + "trace_id VARCHAR, span BIGINT, span_id VARCHAR, value DOUBLE, label VARCHAR, comment VARCHAR, "
              + "time_ns BIGINT NOT NULL, kind_id BIGINT NOT NULL",
          "SELECT page, 1::BIGINT, half(id, 4), half(id, 20), NULL::VARCHAR, half(trace_id, 1), half(trace_id, 17), "
              + "NULL::VARCHAR, half(span_id, 1), NULL::VARCHAR, value, label, NULL::VARCHAR, time_ns, hash(name) >> 1 FROM stage"},
      "lists", new String[] {
          "project_id BIGINT NOT NULL, trace_id VARCHAR, span_id VARCHAR, source VARCHAR, time_ns BIGINT NOT NULL, "
              + "meta_id BIGINT, ids VARCHAR[], names VARCHAR[], types VARCHAR[], vals DOUBLE[], labels VARCHAR[]",
          "SELECT page, 1::BIGINT, trace_id, span_id, 'eval', time_ns, 12345::BIGINT, list(id ORDER BY name), "
              + "list(name ORDER BY name), list(data_type ORDER BY name), list(value ORDER BY name), list(label ORDER BY name) "
              + "FROM stage GROUP BY page, trace_id, span_id, time_ns"});

  private ScoreLayoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    String layout = args[0];
    String[] sql = LAYOUTS.get(layout);
    if (sql == null) throw new IllegalArgumentException("layout is one of " + LAYOUTS.keySet());
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("score-layout");
    Path db = dir.resolve(layout + ".duckdb");
    Files.deleteIfExists(db);
    Files.deleteIfExists(dir.resolve(layout + ".duckdb.wal"));
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = conn.createStatement()) {
      st.execute("SET threads = 2");
      st.execute("SET memory_limit = '1GB'"); // the staging tables live in memory too
      st.execute("CREATE TEMP MACRO half(str, pos) AS CAST(('0x' || substr(str, pos, 16))::UBIGINT::HUGEINT - CASE WHEN "
          + "('0x' || substr(str, pos, 16))::UBIGINT >= 9223372036854775808 THEN 18446744073709551616::HUGEINT ELSE 0 END AS BIGINT)");
      st.execute("CREATE TEMP TABLE subjects AS SELECT p AS page, md5(p::VARCHAR || '-' || i) AS trace_id, "
          + "substr(md5(i::VARCHAR || 'x' || p), 1, 16) AS span_id, (1700000000000000000 + p * 1000000000 + i * 1000)::BIGINT "
          + "AS time_ns FROM range(" + pages + ") t(p), range(" + CALLS_A_PAGE + ") u(i)");
      st.execute("CREATE TEMP TABLE stage AS SELECT page, 'ev_' || substr(md5(trace_id || span_id || m.name), 1, 32) AS id, "
          + "trace_id, span_id, m.name, m.data_type, random() AS value, CASE WHEN m.data_type = 'boolean' THEN 'pass' END "
          + "AS label, time_ns FROM subjects, (VALUES ('policy', 'boolean'), ('length', 'numeric'), ('refusal', 'boolean'), "
          + "('pii_leak', 'boolean'), ('latency', 'numeric'), ('budget', 'numeric')) m(name, data_type)");
      st.execute("CREATE TABLE scores (" + sql[0] + ")");
      st.execute("CREATE TEMP TABLE source AS " + sql[1]);
      st.execute("CHECKPOINT");
      conn.setAutoCommit(false);
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO scores SELECT * EXCLUDE (page) FROM source WHERE page = ?")) {
        for (int p = 0; p < pages; p++) {
          ps.setLong(1, p);
          ps.executeUpdate();
          conn.commit();
        }
      }
      st.execute("CHECKPOINT");
      conn.commit();
      double spans = (double) pages * SPANS_A_PAGE;
      System.out.printf("%s: %d pages, %.1f µs of CPU and %.1f µs wall a span%n", layout, pages,
          (os.getProcessCpuTime() - cpu) / 1e3 / spans, (System.nanoTime() - wall) / 1e3 / spans);
    }
  }
}
