package dev.vigil.storage;

import java.util.Objects;

/**
 * One evaluation that failed: which subject (trace, span), which scorecard version and metric, how
 * often it was tried, why it last failed, and when it may run again. {@code dead} tasks ran out of
 * attempts and stay visible (dead letters) until retention removes their span's data.
 */
public record ScoringTask(
    String id,
    String traceId,
    String spanId,
    long spanStartEpochNanos,
    String scorecard,
    String scorecardVersion,
    String metric,
    int attempts,
    String lastError,
    long firstFailedEpochNanos,
    long nextAttemptEpochNanos,
    boolean dead) {

  public ScoringTask {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(traceId, "traceId == null");
    Objects.requireNonNull(scorecard, "scorecard == null");
    Objects.requireNonNull(metric, "metric == null");
  }
}
