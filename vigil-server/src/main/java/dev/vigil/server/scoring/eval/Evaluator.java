package dev.vigil.server.scoring.eval;

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
}
