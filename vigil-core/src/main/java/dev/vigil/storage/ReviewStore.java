package dev.vigil.storage;

import dev.vigil.model.Score;
import java.util.List;
import java.util.Optional;

/**
 * Human review: annotation queues of traces and where each item stands. The labels themselves are
 * scores with source {@code annotation}, written through {@link SignalStore}; this keeps only the
 * queues, their items' states and the reads calibration needs. Every call is scoped to one project.
 */
public interface ReviewStore {

  /**
   * Creates a queue holding {@code traceIds} in that order, every item pending.
   * @throws IllegalArgumentException when the project already has a queue with that id
   */
  void createQueue(long projectId, ReviewQueue queue, List<String> traceIds);

  /** The project's queues, newest first. */
  List<ReviewQueue> queues(long projectId);

  Optional<ReviewQueue> queue(long projectId, String queueId);

  /** Deletes a queue and its items (the labels already given stay, as scores). */
  boolean deleteQueue(long projectId, String queueId);

  /** Every item of a queue in queue order. */
  List<ReviewItem> items(long projectId, String queueId);

  Optional<ReviewItem> item(long projectId, String queueId, String traceId);

  /** The first pending item in queue order; empty when none is left. */
  Optional<ReviewItem> nextPending(long projectId, String queueId);

  /** @return false when the queue has no such item */
  boolean setState(long projectId, String queueId, String traceId, ReviewItem.State state, long epochNanos);

  /** Items per state. */
  ReviewItem.Progress progress(long projectId, String queueId);

  /**
   * The traces whose lowest {@code scoreName} score (from evaluators, optionally of one scorecard)
   * in [from, to) is lowest, worst first: the "worst N by metric X" a review starts from.
   */
  List<String> lowestScoredTraces(long projectId, String scoreName, String scorecard, long fromEpochNanos,
      long toEpochNanos, int limit);

  /**
   * The scores of {@code scorecard} (metadata {@code scorecard}), from evaluators and from people,
   * on the traces people annotated for it: what a calibration report pairs up.
   */
  List<Score> reviewedScores(long projectId, String scorecard);
}
