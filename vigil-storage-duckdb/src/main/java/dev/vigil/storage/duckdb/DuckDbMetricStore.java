package dev.vigil.storage.duckdb;

import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricStore;
import java.util.List;

/** Window metrics over the span index. */
final class DuckDbMetricStore implements MetricStore {
  private final Database db;
  private final long minRollupSpans;

  DuckDbMetricStore(Database db, long minRollupSpans) {
    this.db = db;
    this.minRollupSpans = minRollupSpans;
  }

  @Override
  public List<MetricRow> query(long projectId, MetricQuery query) {
    return db.read("metrics", conn -> SelectMetrics.query(conn, projectId, query, minRollupSpans));
  }
}
