package dev.vigil.storage.duckdb;

import static dev.vigil.storage.duckdb.SqlTestDatabase.A;
import static dev.vigil.storage.duckdb.SqlTestDatabase.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.SqlRejectedException;
import dev.vigil.storage.SqlResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the console answers: the analytics a user writes, over their own project only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbSqlConsoleTest {

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

  private SqlResult query(String sql) {
    return console.query(A, sql, 100, Duration.ofSeconds(10));
  }

  @Test
  void aggregates() {
    SqlResult result = query("SELECT count(*) AS n, sum(input_tokens) AS tokens, sum(duration_ms) AS total_ms FROM spans");
    assertThat(result.columns()).containsExactly("n", "tokens", "total_ms");
    assertThat(result.types()).containsExactly("BIGINT", "HUGEINT", "DOUBLE");
    assertThat(result.rows()).containsExactly(List.of(3L, BigInteger.valueOf(300), 450.5));
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void group_by_and_order_by() {
    assertThat(query("SELECT model, count(*) AS n FROM spans GROUP BY model ORDER BY model NULLS LAST").rows())
        .containsExactly(List.of("claude", 1L), List.of("gpt-4o", 1L), Arrays.asList(null, 1L));
  }

  @Test
  void window_functions() {
    assertThat(query("SELECT span_id, row_number() OVER (PARTITION BY trace_id ORDER BY start_time) AS rn,"
            + " sum(duration_ms) OVER (PARTITION BY trace_id) AS trace_ms FROM spans ORDER BY span_id").rows())
        .containsExactly(List.of("s1", 1L, 150.5), List.of("s2", 2L, 150.5), List.of("s3", 1L, 300.0));
  }

  @Test
  void ctes_including_recursive_ones() {
    assertThat(query("WITH slow AS (SELECT * FROM spans WHERE duration_ms > 100) SELECT count(*) FROM slow").rows())
        .containsExactly(List.of(2L));
    // a span tree walk: the reason recursive CTEs stay allowed
    assertThat(query("WITH RECURSIVE tree(span_id, depth) AS ("
            + " SELECT span_id, 0 FROM spans WHERE parent_span_id IS NULL"
            + " UNION ALL SELECT s.span_id, t.depth + 1 FROM spans s JOIN tree t ON s.parent_span_id = t.span_id)"
            + " SELECT span_id, depth FROM tree ORDER BY span_id").rows())
        .containsExactly(List.of("s1", 0), List.of("s2", 1), List.of("s3", 0));
  }

  @Test
  void joins_between_views() {
    assertThat(query("SELECT t.user_id, count(*) AS spans FROM traces t JOIN spans s USING (trace_id)"
            + " GROUP BY t.user_id ORDER BY t.user_id").rows())
        .containsExactly(List.of("alice", 2L), List.of("bob", 1L));
  }

  @Test
  void order_by_limit_subqueries_case_and_functions() {
    assertThat(query("SELECT span_id FROM spans ORDER BY duration_ms DESC LIMIT 2").rows())
        .containsExactly(List.of("s3"), List.of("s1"));
    assertThat(query("SELECT span_id FROM spans WHERE duration_ms > (SELECT avg(duration_ms) FROM spans)"
            + " AND trace_id IN (SELECT trace_id FROM traces WHERE user_id = 'bob')").rows())
        .containsExactly(List.of("s3"));
    assertThat(query("SELECT CASE WHEN status = 'ERROR' THEN 'bad' ELSE 'good' END AS verdict, upper(name),"
            + " date_trunc('hour', start_time) AS hour, strftime(start_time, '%Y-%m') AS month,"
            + " name || '/' || coalesce(model, '-') AS label FROM spans WHERE span_id = 's3'").rows())
        .containsExactly(List.of("bad", "CHAT", "2026-01-05T11:00:00", "2026-01", "chat/claude"));
    assertThat(query("SELECT trace_id FROM spans UNION SELECT trace_id FROM traces ORDER BY 1").rows())
        .containsExactly(List.of("t-a1"), List.of("t-a2"));
    assertThat(query("SELECT v.x FROM (VALUES (1), (2)) v(x) ORDER BY v.x DESC").rows())
        .containsExactly(List.of(2), List.of(1));
  }

  @Test
  void no_rows() {
    SqlResult result = query("SELECT span_id, cost FROM spans WHERE false");
    assertThat(result.columns()).containsExactly("span_id", "cost");
    assertThat(result.types()).containsExactly("VARCHAR", "DECIMAL(18,6)");
    assertThat(result.rows()).isEmpty();
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void row_cap() {
    String sql = "SELECT span_id FROM spans ORDER BY span_id";
    SqlResult capped = console.query(A, sql, 2, Duration.ofSeconds(10));
    assertThat(capped.rows()).containsExactly(List.of("s1"), List.of("s2"));
    assertThat(capped.truncated()).isTrue();
    assertThat(console.query(A, sql, 3, Duration.ofSeconds(10)).truncated()).isFalse();
    SqlResult none = console.query(A, sql, 0, Duration.ofSeconds(10));
    assertThat(none.rows()).isEmpty();
    assertThat(none.truncated()).isTrue();
    // the user's own LIMIT still applies under the console's cap
    assertThat(console.query(A, sql + " LIMIT 1", 2, Duration.ofSeconds(10)).rows()).containsExactly(List.of("s1"));
  }

  @Test
  void each_project_sees_its_own_rows_only() {
    assertThat(query("SELECT DISTINCT trace_id FROM spans ORDER BY 1").rows())
        .containsExactly(List.of("t-a1"), List.of("t-a2"));
    assertThat(console.query(B, "SELECT DISTINCT trace_id FROM spans", 100, Duration.ofSeconds(10)).rows())
        .containsExactly(List.of("t-b1"));
    assertThat(console.query(99, "SELECT count(*) FROM spans", 100, Duration.ofSeconds(10)).rows())
        .containsExactly(List.of(0L));
  }

  @Test
  void nothing_of_another_project_in_any_answer() {
    List<String> probes = List.of(
        "SELECT * FROM spans",
        "SELECT * FROM spans, traces",
        "SELECT * FROM spans UNION ALL SELECT * FROM spans",
        "WITH x AS (SELECT * FROM spans) SELECT * FROM x",
        "WITH spans AS (SELECT * FROM spans) SELECT * FROM spans",
        "SELECT min(s.name), max(s.name), max(model), max(user_id), list(tags) FROM spans s, traces t",
        "SELECT approx_count_distinct(name), count(DISTINCT span_id) FROM spans",
        // filters that fail on a row: DuckDB applies the view's project filter in the scan first
        "SELECT * FROM spans WHERE CASE WHEN name LIKE '%secret%' THEN error('leak ' || name) ELSE true END",
        "SELECT * FROM spans WHERE 1 // (CASE WHEN name = 'secret-chat' THEN 0 ELSE 1 END) = 1");
    for (String probe : probes) {
      assertThat(query(probe).rows().toString()).as(probe).doesNotContain(SqlTestDatabase.SECRET);
    }
    assertThatThrownBy(() -> query("SELECT name::INT FROM spans"))
        .isInstanceOf(SqlRejectedException.class)
        .hasMessageContaining("Conversion Error")
        .hasMessageNotContaining(SqlTestDatabase.SECRET);
  }

  @Test
  void duckdb_errors_without_internals() {
    assertThatThrownBy(() -> query("SELECT nope FROM spans"))
        .isInstanceOf(SqlRejectedException.class)
        .hasMessageStartingWith("Binder Error: Referenced column \"nope\" not found")
        .hasMessageNotContaining("LINE")
        .hasMessageNotContaining("span_index");
    assertThatThrownBy(() -> query("SELECT uper(name) FROM spans"))
        .hasMessage("Catalog Error: Scalar Function with name uper does not exist!");
    assertThatThrownBy(() -> query("SELECT count(*) FROM spans WHERE input_tokens // 0 > 1"))
        .hasMessageStartingWith("Invalid Input Error: Division by zero");
  }

  @Test
  void decimals_and_nulls_come_back_exact() {
    assertThat(query("SELECT cost, input_tokens FROM spans ORDER BY span_id").rows())
        .containsExactly(List.of(new BigDecimal("0.001000"), 100), Arrays.asList(null, null),
            List.of(new BigDecimal("0.003000"), 200));
  }

  @Test
  void rejects_bad_arguments_and_views() {
    assertThatThrownBy(() -> query(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> console.query(A, "SELECT 1", -1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> console.query(A, "SELECT 1", 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DuckDbSqlConsole(db.perThread(), Map.of("Spans", "SELECT 1 WHERE {project_id}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DuckDbSqlConsole(db.perThread(), Map.of("spans", "SELECT * FROM span_index")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
