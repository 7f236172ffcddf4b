package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;
import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * search-answer: a docs answer engine in the OpenInference dialect, CHAIN → RETRIEVER → LLM
 * (Gemini 2.5 Flash). Feature from a resource attribute. No LLM span when the call fails.
 */
final class SearchAnswer {
  static final String FEATURE = "search-answer";

  private SearchAnswer() {}

  static ResourceSpans trace(Visit v) {
    Dice dice = v.dice();
    TraceBuilder t = new TraceBuilder(dice, "openinference.instrumentation.google_genai", "0.1.5")
        .resource("service.name", "search-api")
        .resource("service.version", v.hours() < -1.5 ? "0.9.12" : "0.10.0")
        .resource("deployment.environment.name", "production")
        .resource("telemetry.sdk.language", "python")
        .resource("vigil.feature", FEATURE);
    Texts.SearchEntry entry = Texts.SEARCH.get(v.turn().topic());
    String query = v.withPii(v.turn().first() ? entry.query() : entry.query() + " " + dice.pick("example", "pricing", "limits"));

    Span.Builder root = t.span(null, "search_answer", SpanKind.SPAN_KIND_INTERNAL, 0, 5);
    put(root, "openinference.span.kind", "CHAIN");
    put(root, "input.value", query);
    put(root, "input.mime_type", "text/plain");
    put(root, "session.id", v.turn().sessionId());
    put(root, "user.id", v.userId());
    put(root, "tag.tags", v.tags("docs-search"));
    put(root, "metadata", Json.write(obj("plan", v.plan(), "source", dice.pick("docs-site", "cli", "ide-plugin"))));

    Span.Builder retrieve = t.span(root, "retrieve", SpanKind.SPAN_KIND_INTERNAL, 1, dice.logNormal(45, 0.5));
    OpenInferenceDialect.retriever(retrieve, query, entry.docs());
    double at = TraceBuilder.endMillis(retrieve) + 1;

    StringBuilder system = new StringBuilder("Answer the developer's question from these documentation excerpts. Cite the page id.");
    for (OpenInferenceDialect.Doc d : entry.docs()) system.append("\n[").append(d.id()).append("] ").append(d.content());
    List<Msg> input = new ArrayList<>();
    input.add(Msg.user(query));
    Exchange call = Calls.answer(dice, new Calls.Request(ModelProfile.GEMINI_FLASH, system.toString(), input, 0.1, 1024),
        entry.answer() + " (source: " + entry.docs().get(0).id() + ")", v.outcome());
    if (call.failed()) {
      TraceBuilder.stretch(root, at + call.millis(), 2);
      TraceBuilder.fail(root, call.errorType(), call.errorMessage());
      TraceBuilder.event(root, "exception", obj("exception.type", "google.genai.errors.APIError",
          "exception.message", call.errorMessage()));
      return t.build(v.endEpochNanos());
    }
    if (dice.chance(0.25)) call = Calls.withCache(call, call.inputTokens() / 2, 0);
    Span.Builder llm = t.span(root, "GoogleGenAI.generate_content", SpanKind.SPAN_KIND_INTERNAL, at, call.millis());
    OpenInferenceDialect.chat(llm, call);
    put(llm, "session.id", v.turn().sessionId());
    put(llm, "user.id", v.userId());
    put(llm, "llm.prompt_template.version", "docs-answer@3");
    put(root, "output.value", call.output());
    put(root, "output.mime_type", "text/plain");
    TraceBuilder.stretch(root, TraceBuilder.endMillis(llm), dice.uniform(1, 4));
    return t.build(v.endEpochNanos());
  }
}
