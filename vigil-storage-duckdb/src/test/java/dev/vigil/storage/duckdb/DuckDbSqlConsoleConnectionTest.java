package dev.vigil.storage.duckdb;

import static dev.vigil.storage.duckdb.SqlTestDatabase.A;
import static dev.vigil.storage.duckdb.SqlTestDatabase.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.SqlRejectedException;
import dev.vigil.storage.SqlResult;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Time limits, and connections handed back usable and clean, also under concurrency. */
class DuckDbSqlConsoleConnectionTest {

  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration AMPLE = Duration.ofSeconds(30);

  private SqlTestDatabase db;
  private Connection connection;
  private DuckDbSqlConsole console;

  @BeforeEach
  void start() throws Exception {
    db = new SqlTestDatabase();
    connection = db.duplicate();
    console = new DuckDbSqlConsole(() -> connection, SqlTestDatabase.VIEWS); // always the same one
  }

  @AfterEach
  void stop() throws Exception {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100000)"
          + " SELECT count(*) FROM r a, r b, spans c WHERE a.n + b.n > 0"})
  void endless_queries_are_interrupted_and_the_connection_works_afterwards(String sql) throws Exception {
    assertThatThrownBy(() -> console.query(A, sql, 10, SHORT))
        .isInstanceOf(SqlRejectedException.class)
        .hasMessage("query exceeded the 0.3 s time limit");
    assertThat(console.query(A, "SELECT count(*) FROM spans", 10, AMPLE).rows()).containsExactly(List.of(3L));
    assertThat(SqlTestDatabase.count(connection, "SELECT 42")).isEqualTo(42);
  }

  @Test
  void a_failed_statement_leaves_the_connection_usable() throws Exception {
    assertThatThrownBy(() -> console.query(A, "SELECT name::INT FROM spans", 10, AMPLE))
        .isInstanceOf(SqlRejectedException.class);
    assertThatThrownBy(() -> console.query(A, "SELECT * FROM nowhere", 10, AMPLE))
        .isInstanceOf(SqlRejectedException.class);
    assertThat(console.query(B, "SELECT count(*) FROM spans", 10, AMPLE).rows()).containsExactly(List.of(2L));
    assertThat(SqlTestDatabase.count(connection, "SELECT 42")).isEqualTo(42);
  }

  @Test
  void no_view_is_left_on_the_connection() throws Exception {
    console.query(A, "SELECT * FROM spans", 10, AMPLE);
    assertThatThrownBy(() -> console.query(A, "SELECT name::INT FROM spans", 10, AMPLE))
        .isInstanceOf(SqlRejectedException.class);
    assertThatThrownBy(() -> console.query(A, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
            + " SELECT count(*) FROM r", 10, SHORT))
        .isInstanceOf(SqlRejectedException.class);
    assertThat(SqlTestDatabase.count(connection, "SELECT count(*) FROM duckdb_views() WHERE NOT internal"))
        .isZero();
    assertThat(connection.getAutoCommit()).isTrue();
  }

  @Test
  void refuses_connections_outside_auto_commit() throws Exception {
    connection.setAutoCommit(false);
    assertThatThrownBy(() -> console.query(A, "SELECT 1", 10, AMPLE)).isInstanceOf(IllegalStateException.class);
    connection.setAutoCommit(true);
  }

  @Test
  void concurrent_queries_of_two_projects_stay_apart() throws Exception {
    DuckDbSqlConsole shared = db.console(); // one connection per thread
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        long project = t % 2 == 0 ? A : B;
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            SqlResult result = shared.query(project,
                "SELECT DISTINCT s.trace_id FROM spans s JOIN traces t USING (trace_id) ORDER BY 1", 10, AMPLE);
            assertThat(result.rows()).isEqualTo(project == A
                ? List.of(List.of("t-a1"), List.of("t-a2"))
                : List.of(List.of("t-b1")));
          }
          return null;
        }));
      }
      // a query running out of time meanwhile disturbs no one
      runs.add(pool.submit(() -> {
        assertThatThrownBy(() -> shared.query(A, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
                + " SELECT count(*) FROM r", 10, SHORT))
            .hasMessageContaining("time limit");
        return null;
      }));
      for (Future<?> run : runs) run.get();
    } finally {
      pool.shutdownNow();
    }
  }
}
