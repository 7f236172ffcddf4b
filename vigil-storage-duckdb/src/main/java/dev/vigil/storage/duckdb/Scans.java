package dev.vigil.storage.duckdb;

/**
 * How many of DuckDB's threads may read one of Vigil's table functions ({@link BatchScan},
 * {@link ScoreRowsScan}) at once. With one, the statement's only task often went to DuckDB's
 * background thread while the calling thread busy-waited for it (DuckDB spins while a query has no
 * task left for it, see duckdb/duckdb#22178): a whole core burnt for nothing on every insert. With
 * two, the caller takes the second task and the rows are appended in parallel.
 */
final class Scans {
  static final int THREADS = 2;

  private Scans() {}
}
