package dev.vigil.server.alert;

import dev.vigil.storage.ChartState;
import dev.vigil.storage.MonitorStore;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TimedValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Monitor state for a rule preview: reads feedback from the real store, but keeps
 * control-chart state in memory (starting empty, so charts warm up from history as a new rule does)
 * and records no first-seen values, so replaying the past never changes a live rule's chart.
 */
final class ScratchCharts implements MonitorStore {
  private final MonitorStore real;
  private final Map<String, ChartState> charts = new HashMap<>();

  ScratchCharts(MonitorStore real) {
    this.real = real;
  }

  @Override
  public List<TimedValue> thumbsValues(long projectId, SpanFilter slice, int limit) {
    return real.thumbsValues(projectId, slice, limit);
  }

  @Override
  public Optional<ChartState> chart(long projectId, String key) {
    return Optional.ofNullable(charts.get(projectId + "\n" + key));
  }

  @Override
  public void saveChart(long projectId, String key, ChartState state) {
    charts.put(projectId + "\n" + key, state);
  }

  @Override
  public Set<String> markSeen(long projectId, Map<String, Long> firstSeenEpochNanos) {
    return Set.of();
  }
}
