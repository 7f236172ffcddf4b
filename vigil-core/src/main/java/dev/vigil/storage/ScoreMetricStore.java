package dev.vigil.storage;

import java.util.List;

/**
 * Score aggregates over time: the read side of scores for trends, distributions and alert rules
 * such as {@code answer_relevance.p50 < 7}: the one query path for score aggregates. Slice filters and
 * the group-by are span dimensions: a score is matched to its span or, without a span id, to the spans
 * of its trace (counted once per group), so a trace-level score counts for a slice any span of its
 * trace is in (e.g. the prompt version on the trace's LLM call).
 */
public interface ScoreMetricStore {
  /** The bucketed rows and the distribution over the whole range. */
  ScoreMetrics query(long projectId, ScoreMetricQuery query);

  /**
   * The bucketed rows alone (the query's {@code bins} are ignored): what alert rules read on every
   * evaluation, without the distribution's extra queries.
   */
  List<ScoreMetrics.Row> series(long projectId, ScoreMetricQuery query);
}
