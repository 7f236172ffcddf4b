package dev.vigil.bench;

import dev.vigil.storage.duckdb.DuckDbStorage;
import java.nio.file.Path;

/**
 * The storage a benchmark runs on: the server's defaults, except DuckDB's threads when
 * {@code -Dvigil.storage.threads=N} is given and its memory limit when
 * {@code -Dvigil.storage.memory_limit=320MB} is (as {@code storage.threads} and
 * {@code storage.memory_limit} do for the server), so that the choices can be measured on every
 * benchmark.
 */
final class BenchStorage {
  private BenchStorage() {}

  static DuckDbStorage.Builder builder(Path dir) {
    DuckDbStorage.Builder b = DuckDbStorage.builder(dir).threads(Integer.getInteger("vigil.storage.threads", 0));
    String memoryLimit = System.getProperty("vigil.storage.memory_limit");
    return memoryLimit == null ? b : b.memoryLimit(memoryLimit);
  }
}
