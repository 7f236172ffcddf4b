package dev.vigil.storage.duckdb;

import static dev.vigil.storage.duckdb.SqlTestDatabase.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.SqlRejectedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Escape attempts against the console, each with the message it must be refused with. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlEscapeTest {

  private static final String ONLY_SELECT = "only SELECT statements are allowed";
  private static final String VIEWS = "; query one of: spans, traces";
  private static final Path WRITTEN = Path.of(System.getProperty("java.io.tmpdir"), "vigil-escape");

  private SqlTestDatabase db;
  private DuckDbSqlConsole console;

  @BeforeAll
  void start() throws Exception {
    db = new SqlTestDatabase();
    console = db.console();
  }

  @AfterAll
  void stop() throws Exception {
    db.close();
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        // files, network and extensions
        row("SELECT * FROM read_csv('/etc/passwd')", "function read_csv is not allowed"),
        row("SELECT * FROM read_text('/etc/passwd')", "function read_text is not allowed"),
        row("SELECT * FROM read_parquet('/tmp/x.parquet')", "function read_parquet is not allowed"),
        row("SELECT * FROM glob('/etc/*')", "function glob is not allowed"),
        row("SELECT read_text('/proc/self/environ')", "function read_text is not allowed"),
        row("SELECT * FROM '/etc/passwd'", "table '/etc/passwd' is not available" + VIEWS),
        row("COPY (SELECT * FROM spans) TO '" + WRITTEN + ".csv'", ONLY_SELECT),
        row("EXPORT DATABASE '" + WRITTEN + "'", ONLY_SELECT),
        row("IMPORT DATABASE '" + WRITTEN + "'", ONLY_SELECT),
        row("ATTACH '" + WRITTEN + ".db' AS other", ONLY_SELECT),
        row("DETACH memory", ONLY_SELECT),
        row("INSTALL httpfs", ONLY_SELECT),
        row("LOAD httpfs", ONLY_SELECT),
        // configuration and session
        row("PRAGMA show_tables", ONLY_SELECT),
        row("SET enable_external_access = true", ONLY_SELECT),
        row("RESET threads", ONLY_SELECT),
        row("SET VARIABLE p = 2", ONLY_SELECT),
        row("CALL duckdb_tables()", ONLY_SELECT),
        row("SELECT current_setting('lock_configuration')", "function current_setting is not allowed"),
        row("SELECT \"CURRENT_SETTING\"('threads')", "function current_setting is not allowed"),
        row("SELECT main.current_setting('threads')", "function main.current_setting is not allowed"),
        row("SELECT getvariable('p')", "function getvariable is not allowed"),
        row("SELECT pg_sleep(60)", "function pg_sleep is not allowed"),
        // writes and DDL
        row("CREATE TABLE x AS SELECT * FROM span_index", ONLY_SELECT),
        row("CREATE TEMP VIEW spans AS SELECT * FROM span_index", ONLY_SELECT),
        row("DROP TABLE span_index", ONLY_SELECT),
        row("INSERT INTO span_index (project_id) VALUES (1)", ONLY_SELECT),
        row("UPDATE span_index SET project_id = 1", ONLY_SELECT),
        row("DELETE FROM span_index", ONLY_SELECT),
        row("ALTER TABLE span_index RENAME TO s", ONLY_SELECT),
        row("EXPLAIN SELECT * FROM spans", ONLY_SELECT),
        row("PIVOT spans ON model USING count(*)", ONLY_SELECT),
        row("DESCRIBE spans", "DESCRIBE, SHOW and SUMMARIZE are not allowed"),
        row("SHOW TABLES", "DESCRIBE, SHOW and SUMMARIZE are not allowed"),
        // more than one statement, however hidden
        row("SELECT 1; SELECT 2", "one statement per query"),
        row("SELECT 1 /* ; */; SELECT * FROM span_index", "one statement per query"),
        row("SELECT 1 -- harmless\n; DROP TABLE span_index", ONLY_SELECT),
        row("SELECT 1;\nUPDATE span_index SET project_id = 1", ONLY_SELECT),
        // the catalog
        row("SELECT * FROM duckdb_tables()", "function duckdb_tables is not allowed"),
        row("SELECT * FROM duckdb_settings()", "function duckdb_settings is not allowed"),
        row("SELECT * FROM duckdb_functions()", "function duckdb_functions is not allowed"),
        row("SELECT * FROM duckdb_views", "table 'duckdb_views' is not available" + VIEWS),
        row("SELECT * FROM information_schema.tables", "table 'information_schema.tables' is not available" + VIEWS),
        row("SELECT * FROM pg_catalog.pg_tables", "table 'pg_catalog.pg_tables' is not available" + VIEWS),
        row("SELECT * FROM pg_settings", "table 'pg_settings' is not available" + VIEWS),
        row("SELECT * FROM sqlite_master", "table 'sqlite_master' is not available" + VIEWS),
        row("SELECT json_serialize_plan('SELECT * FROM spans')", "function json_serialize_plan is not allowed"),
        row("SELECT stats(name) FROM spans", "function stats is not allowed"),
        // the physical tables behind the views, and other tenants' rows
        row("SELECT * FROM span_index", "table 'span_index' is not available" + VIEWS),
        row("SELECT * FROM main.span_index", "table 'main.span_index' is not available" + VIEWS),
        row("SELECT * FROM memory.main.span_index", "table 'memory.main.span_index' is not available" + VIEWS),
        row("SELECT * FROM api_keys", "table 'api_keys' is not available" + VIEWS),
        row("SELECT * FROM temp.main.spans", "table 'temp.main.spans' is not available" + VIEWS),
        row("SELECT * FROM main.spans", "table 'main.spans' is not available" + VIEWS),
        row("SELECT (SELECT count(*) FROM span_index)", "table 'span_index' is not available"),
        row("SELECT * FROM spans WHERE trace_id IN (SELECT trace_id FROM span_index)", "table 'span_index' is not available"),
        row("SELECT * FROM spans, LATERAL (SELECT * FROM span_index) x", "table 'span_index' is not available"),
        row("WITH s AS (SELECT * FROM span_index) SELECT * FROM s", "table 'span_index' is not available"),
        // a CTE's own name inside its body reads the catalog, in DuckDB as in Postgres
        row("WITH span_index AS (SELECT * FROM span_index) SELECT * FROM span_index", "table 'span_index' is not available"),
        row("WITH RECURSIVE span_index AS (SELECT * FROM span_index UNION ALL"
            + " SELECT * FROM span_index WHERE false) SELECT * FROM span_index", "table 'span_index' is not available"),
        row("WITH span_index AS (SELECT * FROM spans) SELECT * FROM span_index", "CTE name 'span_index' is reserved"),
        row("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x), x", "table 'x' is not available"),
        row("WITH \"x.csv\" AS (SELECT 1) SELECT * FROM \"x.csv\"", "CTE name 'x.csv' must be a plain identifier"),
        row("SELECT * FROM spans AT (VERSION => 1)", "AT (time travel) is not allowed"),
        // table functions, uniformly
        row("SELECT * FROM query('SELECT * FROM span_index')", "function query is not allowed"),
        row("SELECT * FROM query_table('span_index')", "function query_table is not allowed"),
        row("SELECT * FROM range(10)", "function range is not allowed"),
        row("SELECT * FROM unnest([1, 2])", "function unnest is not allowed"),
        // values one call could make any size of, beyond the reach of the time limit
        row("SELECT list_sum(range(300000000))", "function range is not allowed"),
        row("SELECT length(repeat('x', 2000000000))", "function repeat is not allowed"),
        row("SELECT printf('%2000000000d', 1)", "function printf is not allowed"),
        // other
        row("SELECT * FROM spans WHERE trace_id = ?", "query parameters are not supported"),
        row("SELECT * FROM spans WHERE trace_id = $1", "query parameters are not supported"),
        row("SELECT 1 " + " ".repeat(SqlGate.MAX_LENGTH), "query is too long"),
        row("", "query is empty"),
        row("-- nothing", "query is empty"),
        row("SELEC 1", "Parser Error: syntax error at or near \"SELEC\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void refused(String sql, String message) {
    assertThatThrownBy(() -> console.query(A, sql, 100, Duration.ofSeconds(10)))
        .isInstanceOf(SqlRejectedException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining(SqlTestDatabase.SECRET);
  }

  @Test
  void nothing_changed_after_all_attempts() throws Exception {
    escapes().forEach(args -> {
      try {
        console.query(A, (String) args.get()[0], 100, Duration.ofSeconds(10));
      } catch (SqlRejectedException expected) {
        // refusal is checked above; this asserts the database afterwards
      }
    });
    assertThat(SqlTestDatabase.count(db.root, "SELECT count(*) FROM span_index")).isEqualTo(5);
    assertThat(SqlTestDatabase.count(db.root,
            "SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('span_index', 'trace_index', 'api_keys')"))
        .isEqualTo(3);
    assertThat(SqlTestDatabase.count(db.root, "SELECT count(*) FROM duckdb_databases() WHERE NOT internal"))
        .isEqualTo(1);
    assertThat(SqlTestDatabase.text(db.root, "SELECT current_setting('enable_external_access')")).isEqualTo("false");
    assertThat(SqlTestDatabase.text(db.root, "SELECT current_setting('lock_configuration')")).isEqualTo("true");
    try (Stream<Path> files = Files.list(WRITTEN.getParent())) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("vigil-escape"))).isEmpty();
    }
  }

  private static Arguments row(String sql, String message) {
    return Arguments.of(sql, message);
  }
}
