package dev.vigil.storage.duckdb;

import dev.vigil.storage.ScoreMetricQuery;
import dev.vigil.storage.ScoreMetricStore;
import dev.vigil.storage.ScoreMetrics;
import java.util.List;

/** Score aggregates over {@code score_rows}, joined to the span index when sliced. */
final class DuckDbScoreMetricStore implements ScoreMetricStore {
  private final Database db;

  DuckDbScoreMetricStore(Database db) {
    this.db = db;
  }

  @Override
  public ScoreMetrics query(long projectId, ScoreMetricQuery query) {
    return db.read("score metrics", conn -> SelectScoreMetrics.query(conn, projectId, query));
  }

  @Override
  public List<ScoreMetrics.Row> series(long projectId, ScoreMetricQuery query) {
    return db.read("score series", conn -> SelectScoreMetrics.series(conn, projectId, query));
  }
}
