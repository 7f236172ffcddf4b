package dev.vigil.storage.duckdb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates the span rows of one index transaction into partial rollup rows (hour, day, user-day)
 * in one pass, skipping rows marked as duplicates, so each stored span is counted exactly once and in
 * the same transaction as its row. On the ingest hot path: a reused probe key (no allocation per
 * row) and each histogram index computed once for both periods.
 */
final class RollupBuilder {
  private RollupBuilder() {}

  record Built(RollupBatches.Spans hours, RollupBatches.Spans days, RollupBatches.Days users) {}

  /** A span rollup key; mutable so one instance probes the map, copied only for a new row. */
  static final class Key {
    long project;
    long period;
    boolean root;
    boolean error;
    String type;
    String feature;
    String service;
    String model;
    String provider;
    String environment;
    private int hash;

    Key set(SpanBatch b, int i, long period) {
      project = b.project.values[i];
      this.period = period;
      root = b.parentId.nulls[i];
      error = b.error.values[i];
      type = b.type.values[i];
      feature = b.feature.values[i];
      service = b.service.values[i];
      model = b.model.values[i];
      provider = b.provider.values[i];
      environment = b.environment.values[i];
      int h = Long.hashCode(project) * 31 + Long.hashCode(period); // by hand: Objects.hash boxes every field
      h = h * 31 + (root ? 1 : 0) + (error ? 2 : 0);
      h = h * 31 + Objects.hashCode(type);
      h = h * 31 + Objects.hashCode(feature);
      h = h * 31 + Objects.hashCode(service);
      h = h * 31 + Objects.hashCode(model);
      h = h * 31 + Objects.hashCode(provider);
      hash = h * 31 + Objects.hashCode(environment);
      return this;
    }

    Key copy() {
      Key k = new Key();
      k.project = project;
      k.period = period;
      k.root = root;
      k.error = error;
      k.type = type;
      k.feature = feature;
      k.service = service;
      k.model = model;
      k.provider = provider;
      k.environment = environment;
      k.hash = hash;
      return k;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.project == project && k.period == period && k.root == root
          && k.error == error && Objects.equals(k.type, type) && Objects.equals(k.feature, feature)
          && Objects.equals(k.service, service) && Objects.equals(k.model, model)
          && Objects.equals(k.provider, provider) && Objects.equals(k.environment, environment);
    }
  }

  record UserKey(long project, long day, String user) {}

  /** Counters of one rollup row. */
  static final class Totals {
    long n;
    long errors;
    long refusals;
    long tokensIn;
    long tokensOut;
    double cost;
    boolean priced;
    long unpriced;
    LogHistogram latency;
    LogHistogram ttft;

    void add(SpanBatch b, int i) {
      n++;
      if (b.error.values[i]) errors++;
      if (b.refusal.values[i]) refusals++;
      if (!b.inputTokens.nulls[i]) tokensIn += b.inputTokens.values[i];
      if (!b.outputTokens.nulls[i]) tokensOut += b.outputTokens.values[i];
      if (!b.cost.nulls[i]) {
        cost += b.cost.values[i];
        priced = true;
      }
      if ("unpriced".equals(b.costSource.values[i])) unpriced++;
    }

    void add(SpanBatch b, int i, int latencyIndex, int ttftIndex) {
      add(b, i);
      if (latency == null) latency = new LogHistogram();
      latency.addIndex(latencyIndex);
      if (ttftIndex != NONE) {
        if (ttft == null) ttft = new LogHistogram();
        ttft.addIndex(ttftIndex);
      }
    }
  }

  private static final int NONE = Integer.MIN_VALUE;

  static Built build(List<SpanBatch> spans) {
    Map<Key, Totals> hours = new HashMap<>();
    Map<Key, Totals> days = new HashMap<>();
    Map<UserKey, Totals> users = new HashMap<>();
    Key probe = new Key();
    for (SpanBatch b : spans) {
      for (int i = 0; i < b.size; i++) {
        if (b.skip[i]) continue;
        long start = b.start.values[i];
        int latency = LogHistogram.index(b.duration.values[i]);
        int ttft = b.ttft.nulls[i] ? NONE : LogHistogram.index(b.ttft.values[i]);
        long hour = Math.floorDiv(start, RollupSql.HOUR) * RollupSql.HOUR;
        long day = Math.floorDiv(start, RollupSql.DAY) * RollupSql.DAY;
        totals(hours, probe.set(b, i, hour)).add(b, i, latency, ttft);
        totals(days, probe.set(b, i, day)).add(b, i, latency, ttft);
        String type = b.type.values[i];
        if ("llm".equals(type) || "embedding".equals(type)) {
          users.computeIfAbsent(new UserKey(b.project.values[i], day, b.userId.values[i]), k -> new Totals())
              .add(b, i, latency, ttft);
        }
      }
    }
    return new Built(batch(hours), batch(days), users(users));
  }

  private static Totals totals(Map<Key, Totals> rows, Key probe) {
    Totals t = rows.get(probe);
    if (t == null) rows.put(probe.copy(), t = new Totals());
    return t;
  }

  private static RollupBatches.Spans batch(Map<Key, Totals> rows) {
    RollupBatches.Spans out = new RollupBatches.Spans(rows.size());
    for (var e : rows.entrySet()) {
      Key k = e.getKey();
      Totals t = e.getValue();
      int r = out.newRow(0);
      out.project.set(r, k.project);
      out.period.set(r, k.period);
      out.root.set(r, k.root);
      out.type.set(r, k.type);
      out.feature.set(r, k.feature);
      out.service.set(r, k.service);
      out.model.set(r, k.model);
      out.provider.set(r, k.provider);
      out.environment.set(r, k.environment);
      out.error.set(r, k.error);
      counters(t, out.n, out.refusals, out.tokensIn, out.tokensOut, out.cost, out.unpriced, r);
      histograms(t, out.latIdx, out.latCnt, out.ttftIdx, out.ttftCnt, r);
    }
    return out;
  }

  private static void histograms(Totals t, Column.Str latIdx, Column.Str latCnt, Column.Str ttftIdx,
      Column.Str ttftCnt, int r) {
    latIdx.set(r, t.latency.indexesText());
    latCnt.set(r, t.latency.countsText());
    ttftIdx.set(r, t.ttft == null ? "[]" : t.ttft.indexesText());
    ttftCnt.set(r, t.ttft == null ? "[]" : t.ttft.countsText());
  }

  private static RollupBatches.Days users(Map<UserKey, Totals> rows) {
    RollupBatches.Days out = new RollupBatches.Days(rows.size());
    for (var e : rows.entrySet()) {
      Totals t = e.getValue();
      int r = out.newRow(0);
      out.project.set(r, e.getKey().project());
      out.day.set(r, e.getKey().day());
      out.user.set(r, e.getKey().user());
      out.errors.set(r, t.errors);
      counters(t, out.n, out.refusals, out.tokensIn, out.tokensOut, out.cost, out.unpriced, r);
      histograms(t, out.latIdx, out.latCnt, out.ttftIdx, out.ttftCnt, r);
    }
    return out;
  }

  private static void counters(Totals t, Column.I64 n, Column.I64 refusals, Column.I64 tokensIn,
      Column.I64 tokensOut, Column.F64 cost, Column.I64 unpriced, int r) {
    n.set(r, t.n);
    refusals.set(r, t.refusals);
    tokensIn.set(r, t.tokensIn);
    tokensOut.set(r, t.tokensOut);
    cost.set(r, t.priced ? t.cost : null);
    unpriced.set(r, t.unpriced);
  }
}
