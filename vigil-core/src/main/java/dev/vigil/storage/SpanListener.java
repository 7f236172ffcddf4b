package dev.vigil.storage;

import dev.vigil.model.Span;
import java.util.List;

/**
 * Told about spans after they are stored and queryable: the hand-off from storage to scoring and
 * monitors. Called on the storage's own thread, so implementations must return quickly (queue the
 * work); a listener that throws is logged and never affects storage or other listeners.
 */
@FunctionalInterface
public interface SpanListener {
  void onStored(long projectId, List<Span> spans);
}
