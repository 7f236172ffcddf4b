package dev.vigil.bench;

import dev.vigil.storage.duckdb.DuckDbStorage;
import java.nio.file.Path;

/**
 * The storage a benchmark runs on: the server's defaults, except DuckDB's threads when
 * {@code -Dvigil.storage.threads=N} is given (as {@code storage.threads} does for the server), so
 * that the choice can be measured on every benchmark.
 */
final class BenchStorage {
  private BenchStorage() {}

  static DuckDbStorage.Builder builder(Path dir) {
    return DuckDbStorage.builder(dir).threads(Integer.getInteger("vigil.storage.threads", 0));
  }
}
