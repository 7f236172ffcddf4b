package dev.vigil.storage.duckdb;

import dev.vigil.storage.SqlConsole;
import dev.vigil.storage.SqlRejectedException;
import dev.vigil.storage.SqlResult;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Placeholder until the sandboxed console lands (wip/sql); refuses every query. */
final class DuckDbSqlConsole implements SqlConsole {
  DuckDbSqlConsole(Supplier<Database.Lease> connections, Map<String, String> views) {}

  @Override
  public SqlResult query(long projectId, String sql, int maxRows, Duration timeout) {
    throw new SqlRejectedException("the SQL console is not available yet");
  }
}
