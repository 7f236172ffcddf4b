package dev.vigil.server.alert.digest;

import dev.vigil.server.watch.DriftService;
import dev.vigil.server.watch.drift.DriftTest;
import dev.vigil.server.watch.drift.SignalDrift;
import dev.vigil.server.watch.drift.Verdict;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The digest's drift findings: for each of the busiest features, the drift report of the week
 * against the week before, one line per drifted signal, e.g.
 * {@code support-chat: input_tokens drifted (psi 0.31, ks 0.22)}.
 */
public final class WeeklyDrift implements DriftSource {
  static final int MAX_FEATURES = 10;

  private final Storage storage;
  private final DriftService drift;

  public WeeklyDrift(Storage storage) {
    this.storage = storage;
    this.drift = new DriftService(storage, List.of());
  }

  @Override
  public List<String> findings(long projectId, long fromEpochNanos, long toEpochNanos) {
    long week = toEpochNanos - fromEpochNanos;
    List<MetricRow> features = storage.metricStore().query(projectId, new MetricQuery(
        SpanFilter.between(fromEpochNanos, toEpochNanos), MetricScope.LLM_CALLS, null, List.of(Dimension.FEATURE),
        MetricOrder.COUNT, MAX_FEATURES));
    List<String> out = new ArrayList<>();
    for (MetricRow row : features) {
      String feature = row.group().get(Dimension.FEATURE);
      if (feature == null) continue;
      Map<Dimension, List<String>> slice = Map.of(Dimension.FEATURE, List.of(feature));
      var report = drift.report(projectId, slice(fromEpochNanos - week, fromEpochNanos, slice),
          slice(fromEpochNanos, toEpochNanos, slice));
      for (SignalDrift s : report.signals()) {
        if (s.verdict() == Verdict.DRIFTED) out.add(feature + ": " + s.signal() + " drifted (" + effects(s) + ")");
      }
    }
    return out;
  }

  private static SpanFilter slice(long from, long to, Map<Dimension, List<String>> slice) {
    return new SpanFilter(from, to, slice, List.of(), null, null, null, null, null, null, null, null);
  }

  private static String effects(SignalDrift s) {
    List<String> parts = new ArrayList<>();
    for (DriftTest t : s.tests()) {
      if (t.effect() != null) parts.add(String.format(Locale.ROOT, "%s %.2f", t.effectName(), t.effect()));
    }
    return String.join(", ", parts);
  }
}
