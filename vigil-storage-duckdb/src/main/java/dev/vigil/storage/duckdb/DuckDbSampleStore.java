package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.SampleField;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.SpanFilter;
import java.util.List;
import java.util.Map;

/** Sampled values and category counts over the span index and score rows. */
final class DuckDbSampleStore implements SampleStore {
  private final Database db;

  DuckDbSampleStore(Database db) {
    this.db = db;
  }

  @Override
  public Sample values(long projectId, SpanFilter filter, SampleField field, int limit) {
    check(limit);
    return db.read("samples", conn -> SelectSamples.values(conn, projectId, filter, field, limit));
  }

  @Override
  public Map<String, Long> counts(long projectId, SpanFilter filter, Dimension dimension, int limit) {
    check(limit);
    return db.read("samples", conn -> SelectSamples.counts(conn, projectId, filter, dimension, limit));
  }

  @Override
  public Sample scores(long projectId, SpanFilter filter, String name, int limit) {
    check(limit);
    return db.read("samples", conn -> SelectScoreSamples.values(conn, projectId, filter, name, limit));
  }

  @Override
  public List<ScoreName> scoreNames(long projectId, SpanFilter filter, int limit) {
    check(limit);
    return db.read("samples", conn -> SelectScoreSamples.names(conn, projectId, filter, limit));
  }

  private static void check(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
  }
}
