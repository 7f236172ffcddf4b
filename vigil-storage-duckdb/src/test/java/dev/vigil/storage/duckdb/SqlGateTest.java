package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.SqlRejectedException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate on its own: what it lets through, how it scopes CTEs, and the SQL it hands on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlGateTest {

  private SqlTestDatabase db;
  private Connection connection;
  private final SqlGate gate = new SqlGate(SqlTestDatabase.VIEWS.keySet());

  @BeforeAll
  void start() throws Exception {
    db = new SqlTestDatabase();
    connection = db.duplicate();
  }

  @AfterAll
  void stop() throws Exception {
    db.close();
  }

  /** Syntax a user may write; every kind of AST node here must pass the walker. */
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1",
      "FROM spans",
      "TABLE spans",
      "VALUES (1, 'a'), (2, 'b')",
      "SELECT * EXCLUDE (name) REPLACE (upper(model) AS model) FROM spans",
      "SELECT COLUMNS('dur.*') FROM spans",
      "SELECT DISTINCT ON (trace_id) * FROM spans ORDER BY trace_id, start_time DESC",
      "SELECT model, count(*) FILTER (WHERE status = 'ERROR') FROM spans GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL",
      "SELECT model FROM spans GROUP BY GROUPING SETS ((model), ()) ",
      "SELECT trace_id, name FROM spans QUALIFY row_number() OVER (PARTITION BY trace_id ORDER BY start_time) = 1",
      "SELECT lag(duration_ms) OVER (ORDER BY start_time ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM spans",
      "SELECT quantile_cont(duration_ms, [0.5, 0.95]), list(name ORDER BY name), string_agg(DISTINCT model, ',') FROM spans",
      "SELECT CAST(cost AS DOUBLE), TRY_CAST(name AS INT), cost::VARCHAR, x::DECIMAL(10, 2) FROM spans, (SELECT 1) t(x)",
      "SELECT name LIKE 'c%', name ILIKE '%T', name SIMILAR TO 'c.*', name GLOB 'c*', name NOT LIKE 'x' ESCAPE '!' FROM spans",
      "SELECT name COLLATE nocase, duration_ms BETWEEN 1 AND 2, model IS NULL, NOT (status = 'OK') FROM spans",
      "SELECT [1, 2][1], {'a': 1}.a, MAP {'k': 1}['k'], [x * 2 FOR x IN [1, 2] IF x > 1]",
      "SELECT list_transform([1, 2], lambda x: x + 1), list_filter([1, 2], x -> x > 1)",
      "SELECT EXTRACT(hour FROM start_time), start_time + INTERVAL 1 HOUR, DATE '2024-01-01', now(), current_date FROM spans",
      "SELECT regexp_extract(name, 'c(.)'), json_extract('{\"a\": 1}', '$.a'), md5(name), hash(name), uuid() FROM spans",
      "SELECT unnest([1, 2]), generate_subscripts([1, 2], 1)",
      "SELECT coalesce(model, 'none'), nullif(model, ''), if(cost > 0, 'paid', 'free'), greatest(1, 2) FROM spans",
      "SELECT #1, #2 FROM spans",
      "SELECT * FROM spans WHERE EXISTS (SELECT 1 FROM traces WHERE traces.trace_id = spans.trace_id)",
      "SELECT * FROM spans WHERE duration_ms > ALL (SELECT duration_ms FROM spans WHERE false)",
      "SELECT * FROM spans s LEFT JOIN traces t ON s.trace_id = t.trace_id",
      "SELECT * FROM spans s ASOF JOIN traces t ON s.trace_id = t.trace_id AND s.start_time >= t.start_time",
      "SELECT * FROM spans s ANTI JOIN traces t USING (trace_id)",
      "SELECT * FROM spans POSITIONAL JOIN traces",
      "SELECT * FROM spans NATURAL JOIN traces",
      "SELECT * FROM spans s, LATERAL (SELECT s.duration_ms * 2 AS d) x",
      "SELECT * FROM spans USING SAMPLE 50%",
      "SELECT * FROM spans TABLESAMPLE reservoir(1 ROWS) REPEATABLE (42)",
      "SELECT * FROM spans ORDER BY start_time DESC NULLS LAST LIMIT 1 OFFSET 1",
      "SELECT * FROM spans LIMIT 50%",
      "SELECT * FROM spans UNION ALL BY NAME SELECT * FROM spans",
      "SELECT trace_id FROM spans INTERSECT SELECT trace_id FROM traces EXCEPT SELECT 'x'",
      "SELECT * FROM (PIVOT spans ON status IN ('OK', 'ERROR') USING count(*) GROUP BY model)",
      "UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v",
      "WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b",
      "WITH a AS MATERIALIZED (SELECT * FROM spans) SELECT count(*) FROM a",
      "WITH a AS (SELECT 1 AS x) SELECT (SELECT x FROM a), * FROM (SELECT * FROM a) s WHERE x IN (SELECT x FROM a)",
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
      "WITH RECURSIVE r(n) USING KEY (n) AS (SELECT 1 UNION SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
      "WITH spans AS (SELECT * FROM spans WHERE status = 'OK') SELECT * FROM spans",
      "SELECT 1 AS \"SELECT * FROM read_csv('/etc/passwd')\", 'DROP TABLE span_index; current_setting(x)'",
      "select * from SPANS where \"Name\" = 'chat'"})
  void allows(String sql) {
    assertThatCode(() -> gate.check(connection, sql)).doesNotThrowAnyException();
  }

  @Test
  void cte_scopes_follow_duckdb() {
    // the body of a CTE sees the CTEs before it, not itself and not the ones after it
    assertThatThrownBy(() -> gate.check(connection, "WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a"))
        .hasMessageStartingWith("table 'b' is not available");
    assertThatThrownBy(() -> gate.check(connection, "WITH a AS (SELECT * FROM a) SELECT * FROM a"))
        .hasMessageStartingWith("table 'a' is not available");
    // a recursive CTE sees itself in its recursive part, not in the anchor
    assertThatThrownBy(() -> gate.check(connection,
            "WITH RECURSIVE a(n) AS (SELECT n FROM a UNION ALL SELECT n FROM a) SELECT * FROM a"))
        .hasMessageStartingWith("table 'a' is not available");
    // a CTE of an enclosing query is visible in a nested one, and not the other way round
    assertThatCode(() -> gate.check(connection,
            "WITH a AS (SELECT 1 AS x) SELECT * FROM (WITH b AS (SELECT * FROM a) SELECT * FROM b)"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> gate.check(connection,
            "SELECT * FROM (WITH a AS (SELECT 1) SELECT * FROM a) x WHERE 1 IN (SELECT 1 FROM a)"))
        .hasMessageStartingWith("table 'a' is not available");
  }

  @Test
  void what_runs_is_the_checked_query_rendered_by_duckdb_and_capped() throws Exception {
    assertThat(gate.bounded(connection, "select  name from SPANS -- a comment\n;", 101))
        .isEqualTo("SELECT * FROM (SELECT \"name\" FROM SPANS) LIMIT 101");
  }

  @Test
  void finds_the_tables_behind_a_view() throws Exception {
    assertThat(gate.tablesIn(connection,
            "SELECT * FROM span_index s JOIN (SELECT * FROM trace_index) t USING (trace_id) WHERE project_id = 0"))
        .isEqualTo(Set.of("span_index", "trace_index"));
  }

  @Test
  void json_reader() {
    assertThat(SqlJson.parse(" {\"a\": [1, -2.5e3, 18446744073709551615, true, false, null],"
            + " \"b\\\"\": \"x\\n\\u00e9\\/\"} "))
        .isEqualTo(Map.of("a", java.util.Arrays.asList("1", "-2.5e3", "18446744073709551615", true, false, null),
            "b\"", "x\né/"));
    assertThatThrownBy(() -> SqlJson.parse("{\"a\": 1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlJson.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlJson.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("duplicate key");
    assertThatThrownBy(() -> SqlJson.parse("[".repeat(SqlJson.MAX_DEPTH + 2))).isInstanceOf(SqlJson.TooDeep.class);
    assertThat(SqlJson.parse("[]")).isEqualTo(List.of());
  }

  @Test
  void errors_keep_the_message_and_drop_internals() {
    String duckdb = "Binder Error: Referenced column \"x\" not found in FROM clause!\n"
        + "Candidate bindings: \"span_index.name\"\nDid you mean \"api_keys\"?\n\n"
        + "LINE 1: SELECT * FROM (SELECT x FROM spans) LIMIT 101\n               ^";
    assertThat(SqlErrors.clean(duckdb, Set.of("span_index")))
        .isEqualTo("Binder Error: Referenced column \"x\" not found in FROM clause!\n"
            + "Candidate bindings: \"(internal).name\"");
    assertThat(SqlErrors.clean(null, Set.of())).isEqualTo("query failed");
  }

  @Test
  void denies_function_names_in_any_case() {
    assertThat(SqlFunctionPolicy.denied("Current_Setting")).isTrue();
    assertThat(SqlFunctionPolicy.denied("DUCKDB_TABLES")).isTrue();
    assertThat(SqlFunctionPolicy.denied("__internal_compress_string_uhugeint")).isTrue();
    assertThat(SqlFunctionPolicy.denied("index_\u212Aey")).isTrue(); // KELVIN SIGN folds to k
    assertThat(SqlFunctionPolicy.denied("upper")).isFalse();
    assertThat(SqlFunctionPolicy.denied("current_date")).isFalse();
    assertThat(SqlFunctionPolicy.denied("format_bytes")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void deep_queries_are_checked_or_refused_without_exhausting_the_stack(int shape) {
    String sql = switch (shape) {
      case 1 -> "SELECT " + "1 + ".repeat(4_000) + "1";
      case 2 -> "SELECT " + "abs(".repeat(2_000) + "1" + ")".repeat(2_000);
      case 3 -> "SELECT * FROM " + "(SELECT * FROM ".repeat(600) + "spans" + ")".repeat(600);
      default -> "SELECT " + "(".repeat(5_000) + "1" + ")".repeat(5_000);
    };
    try {
      gate.check(connection, sql);
    } catch (SqlRejectedException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void refuses_unexpected_input_types() {
    assertThatThrownBy(() -> gate.check(connection, "SELECT * FROM spans WHERE x = $name"))
        .isInstanceOf(SqlRejectedException.class)
        .hasMessage("query parameters are not supported");
  }
}
