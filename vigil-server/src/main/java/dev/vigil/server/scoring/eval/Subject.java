package dev.vigil.server.scoring.eval;

import dev.vigil.model.Document;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scorecard judges: one LLM call, or one whole trace (an "interaction"). {@code input} is the
 * question (the last user message, else the input value), {@code output} the answer text. For a
 * trace, latency is the root's duration, cost and tokens are the trace's totals, and input/output
 * come from the root when it carries them, else from the first and last LLM calls. {@code cost} is
 * null when any call is unpriced; token counts are null when not reported. {@code documents} are what
 * retrieval returned: the call span's own, or for a trace those of every span in it (retrievers are
 * usually spans of their own), for grounding.
 */
public record Subject(
    String traceId,
    String spanId,
    long startEpochNanos,
    String feature,
    Span span,
    String input,
    String output,
    double latencyMs,
    Double cost,
    Long inputTokens,
    Long outputTokens,
    boolean error,
    List<String> finishReasons,
    String model,
    Map<String, Integer> piiCounts,
    List<Document> documents) {

  public Subject {
    input = input == null ? "" : input;
    output = output == null ? "" : output;
    finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
    piiCounts = piiCounts == null ? Map.of() : Map.copyOf(piiCounts);
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** A span that is worth judging as a call: it made a model call (chat, completion). */
  public static boolean isCall(Span s) {
    return s.llm() != null && s.type() == SpanType.LLM;
  }

  public static Subject ofCall(Span s) {
    LlmCall llm = s.llm();
    return new Subject(s.traceId(), s.spanId(), s.startEpochNanos(), s.feature(), s, question(s), s.content().outputText(),
        s.durationNanos() / 1e6, llm == null || llm.cost().unpriced() ? null : llm.cost().total(),
        llm == null ? null : llm.usage().input(), llm == null ? null : llm.usage().output(), s.isError(),
        llm == null ? List.of() : llm.finishReasons(), llm == null ? null : llm.model(), s.piiCounts(),
        s.content().documents());
  }

  /** The trace of {@code root}; {@code spans} are the trace's spans stored so far (root included or not). */
  public static Subject ofTrace(Span root, List<Span> spans) {
    List<Span> calls = spans.stream().filter(Subject::isCall).sorted(Comparator.comparingLong(Span::endEpochNanos)).toList();
    Double cost = 0.0;
    Long in = null;
    Long out = null;
    boolean error = root.isError();
    Map<String, Integer> pii = new HashMap<>();
    for (Span s : spans) {
      error |= s.isError();
      s.piiCounts().forEach((k, v) -> pii.merge(k, v, Integer::sum));
      if (!isCall(s)) continue;
      LlmCall llm = s.llm();
      cost = cost == null || llm.cost().unpriced() ? null : cost + (llm.cost().total() == null ? 0 : llm.cost().total());
      if (llm.usage().input() != null) in = (in == null ? 0 : in) + llm.usage().input();
      if (llm.usage().output() != null) out = (out == null ? 0 : out) + llm.usage().output();
    }
    Span first = calls.isEmpty() ? null : calls.get(0);
    Span last = calls.isEmpty() ? null : calls.get(calls.size() - 1);
    String input = question(root);
    if (input.isEmpty() && first != null) input = question(first);
    String output = root.content().outputText();
    if (output.isEmpty() && last != null) output = last.content().outputText();
    return new Subject(root.traceId(), root.spanId(), root.startEpochNanos(), root.feature(), root, input, output,
        root.durationNanos() / 1e6, cost, in, out, error, last == null ? List.of() : last.llm().finishReasons(),
        last == null ? null : last.llm().model(), pii, documents(spans));
  }

  /** Every document of the trace once, in span start order. */
  private static List<Document> documents(List<Span> spans) {
    Map<String, Document> byText = new java.util.LinkedHashMap<>();
    spans.stream().sorted(Comparator.comparingLong(Span::startEpochNanos))
        .forEach(s -> s.content().documents().forEach(d -> {
          if (d.content() != null && !d.content().isBlank()) byText.putIfAbsent(d.content(), d);
        }));
    return List.copyOf(byText.values());
  }

  private static String question(Span s) {
    List<Message> input = s.content().input();
    for (int i = input.size() - 1; i >= 0; i--) {
      Message m = input.get(i);
      if ("user".equals(m.role()) && m.content() != null) return m.content();
    }
    return s.content().inputText();
  }
}
