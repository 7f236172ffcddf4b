package dev.vigil.server.alert.digest;

import java.util.List;

/**
 * DRIFT GOES HERE: the drift findings of a project's week, one line each (e.g. "support-chat:
 * input_tokens PSI 0.27, drifted"). The drift API (another part of issue 5) implements this after
 * merge; until then the digest is built with {@link #NONE} and says drift is not yet reported.
 */
@FunctionalInterface
public interface DriftSource {
  DriftSource NONE = (projectId, from, to) -> null;

  /** Findings for [from, to); null when no drift analysis is available (as opposed to "none found"). */
  List<String> findings(long projectId, long fromEpochNanos, long toEpochNanos);
}
