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

  Set<String> putChanges(long projectId, List<ChangeEvent> changes);

  /** Change events in [from, to), oldest first. */
  List<ChangeEvent> changes(long projectId, long fromEpochNanos, long toEpochNanos);
}
