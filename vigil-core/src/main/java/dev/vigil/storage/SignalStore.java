package dev.vigil.storage;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.Feedback;
import dev.vigil.model.Score;
import java.util.List;
import java.util.Set;

/**
 * Scores, feedback and change events. Writes are durable when they return and idempotent on the
 * item's id: each returns the ids that were new.
 */
public interface SignalStore {

  Set<String> putScores(long projectId, List<Score> scores);

  List<Score> scores(long projectId, String traceId);

  Set<String> putFeedback(long projectId, List<Feedback> feedback);

  List<Feedback> feedback(long projectId, String traceId);

  /**
   * Explicit and implicit feedback rates over the traces of one window and slice (see
   * {@link FeedbackRateQuery}); feedback on traces outside them is not counted. A plain query so the
   * API, the UI and alert rules all read the same numbers.
   */
  FeedbackRates feedbackRates(long projectId, FeedbackRateQuery query);

  Set<String> putChanges(long projectId, List<ChangeEvent> changes);

  /** Change events in [from, to), oldest first. */
  List<ChangeEvent> changes(long projectId, long fromEpochNanos, long toEpochNanos);
}
