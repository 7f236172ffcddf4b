package dev.vigil.server.watch;

import dev.vigil.server.watch.drift.SignalDrift;
import dev.vigil.server.watch.drift.Verdict;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.SampleField;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The drift report of a slice: every numeric span field, every numeric or boolean score and the
 * categorical dimensions, baseline window against current window, on capped uniform samples.
 */
public final class DriftService {
  /** Values per window and signal; past this the store samples uniformly. */
  public static final int SAMPLE = 5_000;
  static final int MAX_SCORES = 10;
  static final int MAX_CATEGORIES = 200;
  static final List<Dimension> CATEGORICAL = List.of(Dimension.FINISH_REASON, Dimension.MODEL);

  private final Storage storage;
  private final List<DriftSource> extra;

  public DriftService(Storage storage, List<DriftSource> extra) {
    this.storage = storage;
    this.extra = List.copyOf(extra);
  }

  public record Report(List<SignalDrift> signals, long baselineCalls, long currentCalls, List<String> drifted) {}

  public Report report(long projectId, SpanFilter baseline, SpanFilter current) {
    SampleStore s = storage.sampleStore();
    List<SignalDrift> out = new ArrayList<>();
    long nb = 0;
    long nc = 0;
    for (SampleField f : SampleField.values()) {
      var b = s.values(projectId, baseline, f, SAMPLE);
      var c = s.values(projectId, current, f, SAMPLE);
      if (f == SampleField.LATENCY_MS) {
        nb = b.total();
        nc = c.total();
      }
      if (b.total() + c.total() > 0) out.add(SignalDrift.numeric(f.wireName(), b.values(), c.values()));
    }
    Set<String> scores = new LinkedHashSet<>();
    for (var n : s.scoreNames(projectId, current, MAX_SCORES)) scores.add(n.name());
    for (var n : s.scoreNames(projectId, baseline, MAX_SCORES)) scores.add(n.name());
    for (String name : scores) {
      out.add(SignalDrift.numeric("score:" + name, s.scores(projectId, baseline, name, SAMPLE).values(),
          s.scores(projectId, current, name, SAMPLE).values()));
    }
    for (Dimension d : CATEGORICAL) {
      var b = s.counts(projectId, baseline, d, MAX_CATEGORIES);
      var c = s.counts(projectId, current, d, MAX_CATEGORIES);
      if (!b.isEmpty() || !c.isEmpty()) out.add(SignalDrift.categorical(d.wireName(), b, c));
    }
    for (DriftSource source : extra) out.addAll(source.drift(projectId, baseline, current));
    List<String> drifted = out.stream().filter(x -> x.verdict() == Verdict.DRIFTED).map(SignalDrift::signal).toList();
    return new Report(out, nb, nc, drifted);
  }
}
