package dev.vigil.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What monitors need beyond window and score metrics: thumbs feedback joined to the spans of a slice,
 * control-chart state that must survive a restart, and the first-seen values of span attributes
 * (models, prompt versions, releases) from which changes are detected. Durable when a call returns.
 */
public interface MonitorStore {

  /** Thumbs feedback on traces with spans matching {@code slice}: 1 for up, 0 for down, oldest first. */
  List<TimedValue> thumbsValues(long projectId, SpanFilter slice, int limit);

  Optional<ChartState> chart(long projectId, String key);

  void saveChart(long projectId, String key, ChartState state);

  /**
   * Records each key with its first-seen time unless already known; returns the keys that were new.
   * Idempotent: a replayed batch returns nothing new.
   */
  Set<String> markSeen(long projectId, Map<String, Long> firstSeenEpochNanos);
}
