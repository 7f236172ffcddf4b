package dev.vigil.server.watch;

import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.server.embed.EmbeddingDrift;
import dev.vigil.server.embed.Embedder;
import dev.vigil.server.watch.drift.DriftTest;
import dev.vigil.server.watch.drift.SignalDrift;
import dev.vigil.server.watch.drift.Verdict;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.SpanStore;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import dev.vigil.storage.TraceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drift in what users ask: the questions of traces sampled in each window are embedded with the
 * in-process MiniLM and compared by {@link EmbeddingDrift} — the share of current questions farther
 * from the baseline's centroid than 95 % of the baseline's own, and the centroids' similarity.
 * Questions live in the span log, not in the index, so the sample is small and spread evenly over
 * the window: the newest few traces of each tenth of it. A signal named {@code input_embedding}.
 */
public final class InputEmbeddings implements DriftSource {
  public static final String SIGNAL = "input_embedding";
  static final int SLICES = 10;
  static final int PER_SLICE = 12;

  private final SpanStore spans;
  private final Embedder embedder;

  public InputEmbeddings(SpanStore spans, Embedder embedder) {
    this.spans = spans;
    this.embedder = embedder;
  }

  @Override
  public List<SignalDrift> drift(long projectId, SpanFilter baseline, SpanFilter current) {
    List<String> b = questions(projectId, baseline);
    List<String> c = questions(projectId, current);
    EmbeddingDrift.Result r = EmbeddingDrift.compare(embedder.embedAll(b), embedder.embedAll(c), EmbeddingDrift.Settings.defaults());
    Verdict verdict = switch (r.verdict()) {
      case DRIFT -> Verdict.DRIFTED;
      case STABLE -> Verdict.STABLE;
      case INSUFFICIENT_DATA -> Verdict.INSUFFICIENT_DATA;
    };
    List<DriftTest> tests = List.of(
        new DriftTest(SIGNAL, "far_share", finite(r.farShare()), "far_share", finite(r.farShare()), finite(r.pValue()),
            r.baselineSize(), r.currentSize(), verdict, r.explanation()),
        new DriftTest(SIGNAL, "centroid", finite(r.centroidSimilarity()), "centroid_similarity", finite(r.centroidSimilarity()),
            null, r.baselineSize(), r.currentSize(), verdict, null));
    return List.of(new SignalDrift(SIGNAL, "embedding", verdict, tests, null, null, null, null));
  }

  /** The first question of up to {@code SLICES × PER_SLICE} traces spread over the filter's range. */
  List<String> questions(long projectId, SpanFilter filter) {
    List<String> out = new ArrayList<>();
    long from = filter.fromEpochNanos();
    long step = Math.max(1, (filter.toEpochNanos() - from) / SLICES);
    for (int i = 0; i < SLICES; i++) {
      long a = from + i * step;
      long z = i == SLICES - 1 ? filter.toEpochNanos() : a + step;
      if (z <= a) continue;
      SpanFilter part = new SpanFilter(a, z, filter.equals(), filter.tags(), filter.errorsOnly(), filter.minLatencyMs(),
          filter.maxLatencyMs(), filter.minCost(), filter.maxCost(), filter.minTokens(), filter.maxTokens(), filter.text());
      for (TraceSummary t : spans.findTraces(projectId, new TraceQuery(part, TraceSort.NEWEST, null, PER_SLICE)).items()) {
        String q = question(spans.getTrace(projectId, t.traceId()));
        if (!q.isBlank()) out.add(q);
      }
    }
    return out;
  }

  /** The last user message of the trace's first model call, else the root's input. */
  static String question(List<Span> trace) {
    Span first = trace.stream().filter(s -> s.llm() != null).min(Comparator.comparingLong(Span::startEpochNanos)).orElse(null);
    if (first != null) {
      List<Message> input = first.content().input();
      for (int i = input.size() - 1; i >= 0; i--) {
        if ("user".equals(input.get(i).role()) && input.get(i).content() != null) return input.get(i).content();
      }
      if (!first.content().inputText().isBlank()) return first.content().inputText();
    }
    return trace.stream().filter(s -> s.parentSpanId() == null).findFirst().map(s -> s.content().inputText()).orElse("");
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
