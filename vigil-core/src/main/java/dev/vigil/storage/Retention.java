package dev.vigil.storage;

/** Deletes a project's data older than a cut-off: spans, their content, scores, feedback, failed scoring tasks. */
public interface Retention {
  /** @return the number of spans deleted */
  long purgeBefore(long projectId, long epochNanos);
}
