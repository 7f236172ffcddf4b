package dev.vigil.storage.duckdb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates the span rows of one index transaction into partial rollup rows, skipping rows marked
 * as duplicates, so each stored span is counted exactly once and in the same transaction as its row.
 */
final class RollupBuilder {
  private RollupBuilder() {}

  record SpanKey(long project, long period, boolean root, String type, String feature, String service, String model,
      String provider, String environment, boolean error) {}

  record DayKey(long project, long day, String user) {}

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
  }

  /** Rows of the span rollup of {@code period} (an hour or a day). */
  static RollupBatches.Spans spans(List<SpanBatch> spans, long period) {
    Map<SpanKey, Totals> rows = new HashMap<>();
    for (SpanBatch b : spans) {
      for (int i = 0; i < b.size; i++) {
        if (b.skip[i]) continue;
        SpanKey key = new SpanKey(b.project.values[i], Math.floorDiv(b.start.values[i], period) * period,
            b.parentId.nulls[i], b.type.values[i], b.feature.values[i], b.service.values[i], b.model.values[i],
            b.provider.values[i], b.environment.values[i], b.error.values[i]);
        Totals t = rows.computeIfAbsent(key, k -> new Totals());
        t.add(b, i);
        if (t.latency == null) t.latency = new LogHistogram();
        t.latency.add(b.duration.values[i]);
        if (!b.ttft.nulls[i]) {
          if (t.ttft == null) t.ttft = new LogHistogram();
          t.ttft.add(b.ttft.values[i]);
        }
      }
    }
    RollupBatches.Spans out = new RollupBatches.Spans(rows.size());
    for (var e : rows.entrySet()) {
      SpanKey k = e.getKey();
      Totals t = e.getValue();
      int r = out.newRow(0);
      out.project.set(r, k.project());
      out.period.set(r, k.period());
      out.root.set(r, k.root());
      out.type.set(r, k.type());
      out.feature.set(r, k.feature());
      out.service.set(r, k.service());
      out.model.set(r, k.model());
      out.provider.set(r, k.provider());
      out.environment.set(r, k.environment());
      out.error.set(r, k.error());
      counters(t, out.n, out.refusals, out.tokensIn, out.tokensOut, out.cost, out.unpriced, r);
      out.latIdx.set(r, t.latency.indexesText());
      out.latCnt.set(r, t.latency.countsText());
      out.ttftIdx.set(r, t.ttft == null ? "[]" : t.ttft.indexesText());
      out.ttftCnt.set(r, t.ttft == null ? "[]" : t.ttft.countsText());
    }
    return out;
  }

  /** LLM calls per user and UTC day. */
  static RollupBatches.Days days(List<SpanBatch> spans) {
    Map<DayKey, Totals> rows = new HashMap<>();
    for (SpanBatch b : spans) {
      for (int i = 0; i < b.size; i++) {
        if (b.skip[i]) continue;
        String type = b.type.values[i];
        if (!"llm".equals(type) && !"embedding".equals(type)) continue;
        DayKey key = new DayKey(b.project.values[i], Math.floorDiv(b.start.values[i], RollupSql.DAY) * RollupSql.DAY,
            b.userId.values[i]);
        rows.computeIfAbsent(key, k -> new Totals()).add(b, i);
      }
    }
    RollupBatches.Days out = new RollupBatches.Days(rows.size());
    for (var e : rows.entrySet()) {
      Totals t = e.getValue();
      int r = out.newRow(0);
      out.project.set(r, e.getKey().project());
      out.day.set(r, e.getKey().day());
      out.user.set(r, e.getKey().user());
      out.errors.set(r, t.errors);
      counters(t, out.n, out.refusals, out.tokensIn, out.tokensOut, out.cost, out.unpriced, r);
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
