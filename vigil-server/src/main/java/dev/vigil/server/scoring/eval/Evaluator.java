package dev.vigil.server.scoring.eval;

import java.time.Duration;

/**
 * One check of a scorecard metric: a pure function of a {@link Subject}, safe to call from many
 * threads. {@link #version()} changes whenever the same options could give a different result, so
 * each score says which logic produced it. Long-running work must respond to interruption: the
 * pipeline interrupts an evaluation that runs past its timeout.
 */
public interface Evaluator {

  /** The scorecard {@code type} this implements, e.g. "policy". */
  String type();

  /** The implementation's version, recorded on every score. */
  int version();

  /** @return the result, or {@link Outcome#NOT_APPLICABLE} when the subject has nothing to judge */
  Outcome evaluate(Subject subject) throws Exception;

  /**
   * This evaluator for subjects of one project. Most evaluators do not care; one that keeps
   * per-project accounts (the LLM judge's daily budget) returns a copy bound to the project.
   */
  default Evaluator forProject(long projectId) {
    return this;
  }

  /**
   * How long one evaluation may take when that is longer than the pipeline's evaluator timeout (an
   * LLM judge waits on a remote model); null: the pipeline's timeout.
   */
  default Duration timeout() {
    return null;
  }

  /**
   * True for a deterministic rule that takes microseconds (no model, no network): the pipeline runs
   * such evaluations in batches on a worker rather than one task each; each still has its timeout and
   * its own result.
   */
  default boolean cheap() {
    return false;
  }

  /**
   * Waits, outside any evaluation's timeout, for what this evaluator needs once per process (the
   * embedding model loading after a start), so that the first evaluations do not time out on it.
   * The pipeline calls it before a batch's evaluations; it must return when interrupted.
   */
  default void prepare() {}
}
