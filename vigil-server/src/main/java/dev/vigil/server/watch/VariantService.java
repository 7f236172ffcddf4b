package dev.vigil.server.watch;

import dev.vigil.server.watch.variant.Comparison;
import dev.vigil.server.watch.variant.Direction;
import dev.vigil.server.watch.variant.Means;
import dev.vigil.server.watch.variant.Proportions;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.SampleField;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variant comparison (A/B tests, canaries): the LLM calls of a slice with {@code dimension = a}
 * against those with {@code dimension = b}, metric by metric. Rates come from the window metrics
 * (exact counts); means and scores from capped uniform samples. Lower is better for error and
 * refusal rates, latency, cost and tokens; higher for scores.
 */
public final class VariantService {
  static final int SAMPLE = 20_000;
  static final int MAX_SCORES = 10;
  private static final List<SampleField> MEANS = List.of(SampleField.LATENCY_MS, SampleField.COST,
      SampleField.INPUT_TOKENS, SampleField.OUTPUT_TOKENS);

  private final Storage storage;

  public VariantService(Storage storage) {
    this.storage = storage;
  }

  public record Report(Map<String, Long> calls, List<Comparison> metrics) {}

  public Report compare(long projectId, SpanFilter slice, Dimension dimension, String a, String b) {
    SpanFilter fa = Slices.with(slice, dimension, a);
    SpanFilter fb = Slices.with(slice, dimension, b);
    MetricRow ra = totals(projectId, fa);
    MetricRow rb = totals(projectId, fb);
    long na = ra == null ? 0 : ra.count();
    long nb = rb == null ? 0 : rb.count();
    List<Comparison> out = new ArrayList<>();
    out.add(Proportions.compare("error_rate", Direction.LOWER_IS_BETTER, ra == null ? 0 : ra.errors(), na,
        rb == null ? 0 : rb.errors(), nb));
    out.add(Proportions.compare("refusal_rate", Direction.LOWER_IS_BETTER, ra == null ? 0 : ra.refusals(), na,
        rb == null ? 0 : rb.refusals(), nb));
    SampleStore s = storage.sampleStore();
    for (SampleField f : MEANS) {
      out.add(Means.compare(f.wireName(), Direction.LOWER_IS_BETTER, s.values(projectId, fa, f, SAMPLE).values(),
          s.values(projectId, fb, f, SAMPLE).values()));
    }
    Map<String, String> scores = new LinkedHashMap<>();
    for (SpanFilter f : List.of(fa, fb)) {
      for (var n : s.scoreNames(projectId, f, MAX_SCORES)) scores.putIfAbsent(n.name(), n.dataType());
    }
    for (var e : scores.entrySet()) {
      double[] va = s.scores(projectId, fa, e.getKey(), SAMPLE).values();
      double[] vb = s.scores(projectId, fb, e.getKey(), SAMPLE).values();
      if ("boolean".equals(e.getValue())) {
        out.add(Proportions.compare("score:" + e.getKey() + ".pass_rate", Direction.HIGHER_IS_BETTER,
            passes(va), va.length, passes(vb), vb.length));
      } else {
        out.add(Means.compare("score:" + e.getKey(), Direction.HIGHER_IS_BETTER, va, vb));
      }
    }
    Map<String, Long> calls = new LinkedHashMap<>();
    calls.put("a", na);
    calls.put("b", nb);
    return new Report(calls, out);
  }

  private MetricRow totals(long projectId, SpanFilter f) {
    var rows = storage.metricStore().query(projectId, new MetricQuery(f, MetricScope.LLM_CALLS, null, List.of(), null, 1));
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static long passes(double[] values) {
    long n = 0;
    for (double v : values) if (v >= 0.5) n++; // boolean scores are stored as 0 and 1
    return n;
  }
}
