package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.storage.SqlResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each DuckDB type as the console hands it to a JSON writer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlValuesTest {

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

  static List<Arguments> values() {
    return List.of(
        row("true", "BOOLEAN", true),
        row("1::TINYINT", "TINYINT", 1),
        row("2::SMALLINT", "SMALLINT", 2),
        row("3::INTEGER", "INTEGER", 3),
        row("4::BIGINT", "BIGINT", 4L),
        row("18446744073709551615::UBIGINT", "UBIGINT", new BigInteger("18446744073709551615")),
        row("170141183460469231731687303715884105727::HUGEINT", "HUGEINT",
            new BigInteger("170141183460469231731687303715884105727")),
        row("1.5::FLOAT", "FLOAT", 1.5f),
        row("2.25::DOUBLE", "DOUBLE", 2.25),
        row("'nan'::DOUBLE", "DOUBLE", "NaN"),
        row("'-inf'::DOUBLE", "DOUBLE", "-Infinity"),
        row("12.345::DECIMAL(10,3)", "DECIMAL(10,3)", new BigDecimal("12.345")),
        row("12345678901234567890.123::DECIMAL(38,3)", "DECIMAL(38,3)", new BigDecimal("12345678901234567890.123")),
        row("'text'", "VARCHAR", "text"),
        row("NULL::INTEGER", "INTEGER", null),
        row("DATE '2024-01-02'", "DATE", "2024-01-02"),
        row("TIME '01:02:03.456'", "TIME", "01:02:03.456"),
        row("TIMESTAMP '2024-01-02 03:04:00'", "TIMESTAMP", "2024-01-02T03:04:00"),
        row("TIMESTAMP '2024-01-02 03:04:05.123456'", "TIMESTAMP", "2024-01-02T03:04:05.123456"),
        row("TIMESTAMP_NS '2024-01-02 03:04:05.123456789'", "TIMESTAMP_NS", "2024-01-02T03:04:05.123456789"),
        row("TIMESTAMPTZ '2024-01-02 03:04:05+02'", "TIMESTAMP WITH TIME ZONE", "2024-01-02T01:04:05Z"),
        row("INTERVAL 1 DAY + INTERVAL 3 HOUR", "INTERVAL", "1 day 03:00:00"),
        row("'a448fff8-b2e7-46ad-873c-e065d78f765d'::UUID", "UUID", "a448fff8-b2e7-46ad-873c-e065d78f765d"),
        row("'\\xAA\\xBB'::BLOB", "BLOB", "qrs="),
        row("[1, 2, NULL]", "INTEGER[]", Arrays.asList(1, 2, null)),
        row("[[1], []]", "INTEGER[][]", List.of(List.of(1), List.of())),
        row("[1, 2]::INTEGER[2]", "INTEGER[2]", List.of(1, 2)),
        row("{'a': 1, 'b': [TIMESTAMP '2024-01-01 00:00:00']}", "STRUCT(a INTEGER, b TIMESTAMP[])",
            Map.of("a", 1, "b", List.of("2024-01-01T00:00:00"))),
        row("MAP {'k': 1}", "MAP(VARCHAR, INTEGER)", Map.of("k", 1)),
        row("MAP {1: 'x'}", "MAP(INTEGER, VARCHAR)", Map.of("1", "x")),
        row("'a'::ENUM('a', 'b')", "ENUM", "a"),
        row("'{\"x\": 1}'::JSON", "JSON", "{\"x\": 1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void converts(String expression, String type, Object expected) {
    SqlResult result = console.query(SqlTestDatabase.A, "SELECT " + expression + " AS v", 1, Duration.ofSeconds(10));
    assertThat(result.types()).containsExactly(type);
    assertThat(result.rows()).hasSize(1);
    assertThat(result.rows().get(0)).containsExactly(expected);
  }

  @org.junit.jupiter.api.Test
  void timestamps_do_not_depend_on_the_jvm_time_zone() {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    try { // 02:30 does not exist on that day in New York; java.sql.Timestamp would make it 03:30
      SqlResult result = console.query(SqlTestDatabase.A, "SELECT TIMESTAMP '2024-03-10 02:30:00'", 1, Duration.ofSeconds(10));
      assertThat(result.rows().get(0)).containsExactly("2024-03-10T02:30:00");
    } finally {
      TimeZone.setDefault(before);
    }
  }

  private static Arguments row(String expression, String type, Object expected) {
    return Arguments.of(expression, type, expected);
  }
}
