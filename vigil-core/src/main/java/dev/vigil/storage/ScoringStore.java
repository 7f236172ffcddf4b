package dev.vigil.storage;

import dev.vigil.model.Score;
import java.util.List;
import java.util.Optional;

/**
 * What the scoring pipeline keeps in storage. The span log itself is the pipeline's durable queue:
 * {@link #spansAfter} reads spans in storage order from a cursor, and the cursor advances together
 * with the batch's failed tasks in {@link #commit}, so a restart resumes exactly where scoring
 * stopped. Delivery is at least once (a page may be read again after a crash, and a span re-sent
 * by a client may appear twice): the consumer must be idempotent, which scores with deterministic
 * ids are. Every call is scoped to one project.
 */
public interface ScoringStore {

  /**
   * About {@code limit} spans stored after {@code cursor} (null: the first span the project stored),
   * oldest first, each already queryable. A page may hold a few more than {@code limit} (a backend
   * may read whole write blocks), or fewer when a backend bounds a page's bytes; an empty page with the
   * same cursor means "caught up".
   */
  SpanFeed spansAfter(long projectId, String cursor, int limit);

  /**
   * The cursor just past everything of the project that is queryable now (null: nothing stored yet),
   * so a project with nothing to score can move on without reading its spans.
   */
  String head(long projectId);

  /** Spans stored after {@code cursor} and not yet read, and when the oldest of them was stored. */
  Backlog backlog(long projectId, String cursor);

  /** Where the project's scoring stands; empty before it first committed. */
  Optional<ScoringCheckpoint> checkpoint(long projectId);

  /**
   * Writes a page's scores (idempotent on their ids, as {@link SignalStore#putScores}), advances the
   * checkpoint and records tasks (new failures, retried ones) in one transaction, and deletes the
   * tasks named in {@code doneTaskIds}. Tasks are upserted by id.
   */
  void commit(long projectId, ScoringCheckpoint checkpoint, List<Score> scores, List<ScoringTask> tasks,
      List<String> doneTaskIds);

  /** Writes scores and records and deletes tasks in one transaction, without moving the checkpoint (retries). */
  void updateTasks(long projectId, List<Score> scores, List<ScoringTask> tasks, List<String> doneTaskIds);

  /** Tasks waiting for a retry whose time has come, earliest first. */
  List<ScoringTask> dueTasks(long projectId, long nowEpochNanos, int limit);

  /** Tasks that ran out of attempts, newest first. */
  List<ScoringTask> deadLetters(long projectId, int limit);

  /** How many tasks wait for a retry and how many are dead. */
  TaskCounts taskCounts(long projectId);

  /** Scorecards defined through the API, by name. */
  List<StoredScorecard> scorecards(long projectId);

  /** Creates or replaces a scorecard. */
  void putScorecard(long projectId, StoredScorecard scorecard);

  /** @return false when there was no such scorecard */
  boolean deleteScorecard(long projectId, String name);

  /** Waiting and dead tasks of one project. */
  record TaskCounts(long retrying, long dead) {}

  /** Unread spans and the storage time of the oldest one (null when there are none). */
  record Backlog(long spans, Long oldestStoredEpochNanos) {}
}
