package dev.vigil.server.alert.digest;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertStatus;
import dev.vigil.model.Project;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.Storage;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import dev.vigil.storage.TraceSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one project's week from storage: the same queries the API answers, nothing digest-only. */
final class DigestBuilder {
  static final long WEEK = 7L * 24 * 3600 * 1_000_000_000L;
  private static final int WORST = 5;
  private static final int FEATURES = 50;

  private final Storage storage;
  private final DriftSource drift;

  DigestBuilder(Storage storage, DriftSource drift) {
    this.storage = storage;
    this.drift = drift;
  }

  WeeklyDigest build(Project project, long to) {
    long from = to - WEEK;
    Map<String, MetricRow> week = byFeature(project.id(), from, to);
    Map<String, MetricRow> previous = byFeature(project.id(), from - WEEK, from);
    List<WeeklyDigest.FeatureWeek> features = new ArrayList<>();
    for (var e : week.entrySet()) features.add(new WeeklyDigest.FeatureWeek(e.getKey(), e.getValue(), previous.get(e.getKey())));
    for (var e : previous.entrySet()) {
      if (!week.containsKey(e.getKey())) features.add(new WeeklyDigest.FeatureWeek(e.getKey(), null, e.getValue()));
    }
    List<AlertEvent> fired = storage.alertStore().history(project.id(), 1000).stream()
        .filter(a -> a.status() == AlertStatus.FIRING && a.epochNanos() >= from && a.epochNanos() < to).toList();
    List<String> findings = drift.findings(project.id(), from, to);
    return new WeeklyDigest(project.name(), from, to, features, fired,
        traces(project.id(), from, to, TraceSort.COSTLIEST, null), traces(project.id(), from, to, TraceSort.SLOWEST, null),
        traces(project.id(), from, to, TraceSort.NEWEST, true), findings);
  }

  private Map<String, MetricRow> byFeature(long projectId, long from, long to) {
    SpanFilter filter = new SpanFilter(from, to, Map.of(), List.of(), null, null, null, null, null, null, null, null);
    Map<String, MetricRow> out = new java.util.LinkedHashMap<>();
    for (MetricRow r : storage.metricStore().query(projectId, new MetricQuery(filter, MetricScope.LLM_CALLS, null,
        List.of(Dimension.FEATURE), MetricOrder.COUNT, FEATURES))) {
      String feature = r.group().get(Dimension.FEATURE);
      out.put(feature == null ? "(no feature)" : feature, r);
    }
    return out;
  }

  private List<TraceSummary> traces(long projectId, long from, long to, TraceSort sort, Boolean errors) {
    SpanFilter filter = new SpanFilter(from, to, new HashMap<>(), List.of(), errors, null, null, null, null, null, null, null);
    return storage.spanStore().findTraces(projectId, new TraceQuery(filter, sort, null, WORST)).items();
  }
}
