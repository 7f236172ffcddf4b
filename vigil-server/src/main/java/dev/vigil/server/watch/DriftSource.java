package dev.vigil.server.watch;

import dev.vigil.server.watch.drift.SignalDrift;
import dev.vigil.storage.SpanFilter;
import java.util.List;

/**
 * More drift signals for the report, computed elsewhere. INPUT EMBEDDING DRIFT goes here: the
 * dev.vigil.server.embed package's EmbeddingDrift (centroid cosine, share of far queries) is wired
 * in as one of these by VigilServer, reporting a signal named {@code input_embedding}.
 */
@FunctionalInterface
public interface DriftSource {
  List<SignalDrift> drift(long projectId, SpanFilter baseline, SpanFilter current);
}
