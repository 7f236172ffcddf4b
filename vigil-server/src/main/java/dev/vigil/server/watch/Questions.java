package dev.vigil.server.watch;

import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.SpanStore;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import dev.vigil.storage.TraceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What was asked in a window: questions live in the span log, not in the index, so a small sample is
 * read, spread evenly over the window — the newest {@link #PER_SLICE} traces of each tenth of it.
 * Shared by input-embedding and topic drift (and the embedder's cache makes the second pass cheap).
 */
final class Questions {
  static final int SLICES = 10;
  static final int PER_SLICE = 12;
  /** Metadata key, then span attribute, naming a call's topic explicitly (docs/drift.md). */
  static final String TOPIC_KEY = "topic";
  static final String TOPIC_ATTRIBUTE = "vigil.topic";

  /** One sampled trace: its question (may be blank) and its explicit topic (null when none). */
  record Asked(String text, String topic) {}

  private final SpanStore spans;

  Questions(SpanStore spans) {
    this.spans = spans;
  }

  /** Up to {@code SLICES × PER_SLICE} traces spread over the filter's range. */
  List<Asked> sample(long projectId, SpanFilter filter) {
    List<Asked> out = new ArrayList<>();
    long from = filter.fromEpochNanos();
    long step = Math.max(1, (filter.toEpochNanos() - from) / SLICES);
    for (int i = 0; i < SLICES; i++) {
      long a = from + i * step;
      long z = i == SLICES - 1 ? filter.toEpochNanos() : a + step;
      if (z <= a) continue;
      SpanFilter part = new SpanFilter(a, z, filter.equals(), filter.tags(), filter.errorsOnly(), filter.minLatencyMs(),
          filter.maxLatencyMs(), filter.minCost(), filter.maxCost(), filter.minTokens(), filter.maxTokens(), filter.text());
      for (TraceSummary t : spans.findTraces(projectId, new TraceQuery(part, TraceSort.NEWEST, null, PER_SLICE)).items()) {
        List<Span> trace = spans.getTrace(projectId, t.traceId());
        out.add(new Asked(question(trace), topic(trace)));
      }
    }
    return out;
  }

  /** The last user message of the trace's first model call, else the root's input. */
  static String question(List<Span> trace) {
    Span first = firstCall(trace);
    if (first != null) {
      List<Message> input = first.content().input();
      for (int i = input.size() - 1; i >= 0; i--) {
        if ("user".equals(input.get(i).role()) && input.get(i).content() != null) return input.get(i).content();
      }
      if (!first.content().inputText().isBlank()) return first.content().inputText();
    }
    return trace.stream().filter(s -> s.parentSpanId() == null).findFirst().map(s -> s.content().inputText()).orElse("");
  }

  /**
   * The explicit topic: metadata {@code topic} or attribute {@code vigil.topic} of the root span, else
   * of the first model call, else of any span (earliest first). Null when no span names one.
   */
  static String topic(List<Span> trace) {
    List<Span> order = new ArrayList<>();
    trace.stream().filter(Span::isRoot).forEach(order::add);
    Span first = firstCall(trace);
    if (first != null) order.add(first);
    trace.stream().sorted(Comparator.comparingLong(Span::startEpochNanos)).forEach(order::add);
    for (Span s : order) {
      String t = s.metadata().get(TOPIC_KEY);
      if (t == null && s.attributes().get(TOPIC_ATTRIBUTE) instanceof String a) t = a;
      if (t != null && !t.isBlank()) return t.strip();
    }
    return null;
  }

  private static Span firstCall(List<Span> trace) {
    return trace.stream().filter(s -> s.llm() != null).min(Comparator.comparingLong(Span::startEpochNanos)).orElse(null);
  }
}
