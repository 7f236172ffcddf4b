package dev.vigil.storage;

/** Deletes a project's data older than a cut-off: spans, their content, scores, feedback. */
public interface Retention {
  /** @return the number of spans deleted */
  long purgeBefore(long projectId, long epochNanos);
}
