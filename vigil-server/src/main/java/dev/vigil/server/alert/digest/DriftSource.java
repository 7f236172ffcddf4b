package dev.vigil.server.alert.digest;

import java.util.List;

/**
 * The drift findings of a project's week, one line each (e.g. "support-chat: input_tokens drifted
 * (psi 0.31)"); {@link WeeklyDrift} computes them from the drift report, {@link #NONE} leaves the
 * section out ("not reported").
 */
@FunctionalInterface
public interface DriftSource {
  DriftSource NONE = (projectId, from, to) -> null;

  /** Findings for [from, to); null when no drift analysis is available (as opposed to "none found"). */
  List<String> findings(long projectId, long fromEpochNanos, long toEpochNanos);
}
