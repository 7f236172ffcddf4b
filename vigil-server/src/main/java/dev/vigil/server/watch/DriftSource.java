package dev.vigil.server.watch;

import dev.vigil.server.watch.drift.SignalDrift;
import dev.vigil.storage.SpanFilter;
import java.util.List;

/**
 * Drift signals computed from something other than the index's samples, e.g. {@link InputEmbeddings}
 * (served on its own endpoint because embedding a sample takes seconds).
 */
@FunctionalInterface
public interface DriftSource {
  List<SignalDrift> drift(long projectId, SpanFilter baseline, SpanFilter current);
}
