package dev.vigil.storage.duckdb;

import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricStore;
import java.util.List;

/** Window metrics over the span index. */
final class DuckDbMetricStore implements MetricStore {
  private final Database db;

  DuckDbMetricStore(Database db) {
    this.db = db;
  }

  @Override
  public List<MetricRow> query(long projectId, MetricQuery query) {
    return db.read("metrics", conn -> SelectMetrics.query(conn, projectId, query));
  }
}
