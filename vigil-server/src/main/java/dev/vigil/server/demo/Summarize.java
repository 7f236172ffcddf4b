package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;
import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.List;

/**
 * summarize: a background worker's workflow → fetch task → Anthropic call, in OpenLLMetry's dialect
 * (workflow/task spans, traceloop.association.properties). Feature as a span attribute. Like the
 * real instrumentation, a failed API call leaves no LLM span: only the workflow shows the error.
 */
final class Summarize {
  static final String FEATURE = "summarize";

  private Summarize() {}

  static ResourceSpans trace(Visit v) {
    Dice dice = v.dice();
    TraceBuilder t = new TraceBuilder(dice, "opentelemetry.instrumentation.anthropic", "0.40.14")
        .resource("service.name", "docs-worker")
        .resource("service.version", "1.8.2")
        .resource("deployment.environment", "production")
        .resource("telemetry.sdk.language", "python");
    String documentId = "doc_" + dice.hex(12);
    Span.Builder root = t.span(null, "summarize_document.workflow", SpanKind.SPAN_KIND_INTERNAL, 0, 5);
    put(root, "vigil.feature", FEATURE);
    put(root, "traceloop.span.kind", "workflow");
    put(root, "traceloop.workflow.name", "summarize_document");
    put(root, "traceloop.entity.name", "summarize_document");
    put(root, "traceloop.entity.input", Json.write(obj("document_id", documentId)));
    put(root, "traceloop.association.properties.user_id", v.userId());
    put(root, "traceloop.association.properties.plan", v.plan());
    put(root, "user.id", v.userId());
    put(root, "tag.tags", v.tags("batch"));

    Span.Builder fetch = t.span(root, "fetch_document.task", SpanKind.SPAN_KIND_INTERNAL, 1, dice.logNormal(40, 0.5));
    put(fetch, "traceloop.span.kind", "task");
    put(fetch, "traceloop.entity.name", "fetch_document");
    put(fetch, "traceloop.workflow.name", "summarize_document");
    double at = TraceBuilder.endMillis(fetch) + 1;

    String[] doc = Texts.document(dice);
    ModelProfile model = dice.chance(0.4) ? ModelProfile.CLAUDE_SONNET_4 : ModelProfile.CLAUDE_HAIKU;
    List<Msg> input = List.of(Msg.user(v.withPii("Summarize this document:\n\n" + doc[0])));
    Calls.Request req = new Calls.Request(model, Texts.SUMMARIZE_SYSTEM, input, 0.2, 400);
    Exchange call = Calls.answer(dice, req, doc[1], v.outcome());
    if (call.failed()) {
      double end = at + call.millis();
      TraceBuilder.stretch(root, end, 3);
      TraceBuilder.fail(root, call.errorType(), call.errorMessage());
      TraceBuilder.event(root, "exception", obj("exception.type", exceptionType(call.errorType()),
          "exception.message", call.errorMessage()));
      return t.build(v.endEpochNanos());
    }
    double u = dice.unit();
    if (u < 0.6) call = Calls.withCache(call, (int) (call.inputTokens() * 0.3), 0);
    else if (u < 0.7) call = Calls.withCache(call, 0, (int) (call.inputTokens() * 0.3));
    Span.Builder llm = t.span(root, "anthropic.chat", SpanKind.SPAN_KIND_CLIENT, at, call.millis());
    OpenLlmetryDialect.chat(llm, call);
    put(llm, "vigil.feature", FEATURE);
    put(llm, "traceloop.workflow.name", "summarize_document");
    put(llm, "traceloop.association.properties.user_id", v.userId());
    put(root, "traceloop.entity.output", Json.write(obj("summary", call.output())));
    TraceBuilder.stretch(root, TraceBuilder.endMillis(llm), dice.uniform(1, 5));
    return t.build(v.endEpochNanos());
  }

  private static String exceptionType(String errorType) {
    return switch (errorType) {
      case "rate_limit_exceeded" -> "anthropic.RateLimitError";
      case "timeout" -> "anthropic.APITimeoutError";
      default -> "anthropic.InternalServerError";
    };
  }
}
