package dev.vigil.storage;

/**
 * Score aggregates over time: the read side of scores for trends, distributions and alert rules
 * such as {@code answer_relevance.p50 < 7}. Slice filters and the group-by are span dimensions: a
 * score is matched to its span (or, without a span id, to its trace's root span).
 */
public interface ScoreMetricStore {
  ScoreMetrics query(long projectId, ScoreMetricQuery query);
}
