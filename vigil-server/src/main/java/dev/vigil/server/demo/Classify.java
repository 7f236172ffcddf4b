package dev.vigil.server.demo;

import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.List;

/**
 * classify: a Node queue consumer labels incoming tickets with gpt-4o-mini, written with the OLD
 * OTel GenAI names (gen_ai.system, gen_ai.usage.prompt_tokens). Feature as a span attribute.
 */
final class Classify {
  static final String FEATURE = "classify";

  private Classify() {}

  static ResourceSpans trace(Visit v) {
    Dice dice = v.dice();
    TraceBuilder t = new TraceBuilder(dice, "@opentelemetry/instrumentation-openai", "0.21.0")
        .resource("service.name", "ticket-router")
        .resource("service.version", "3.2.0")
        .resource("deployment.environment", "production")
        .resource("telemetry.sdk.language", "nodejs");
    Texts.Ticket ticket = dice.pick(Texts.TICKETS);
    Span.Builder root = t.span(null, "tickets process", SpanKind.SPAN_KIND_CONSUMER, 0, 3);
    put(root, "vigil.feature", FEATURE);
    put(root, "messaging.system", "kafka");
    put(root, "messaging.destination.name", "tickets");
    put(root, "messaging.operation.type", "process");
    put(root, "user.id", v.userId());
    put(root, "ticket.id", "T-" + dice.between(100_000, 999_999));

    ModelProfile model = v.unknownModel() ? ModelProfile.IN_HOUSE : ModelProfile.GPT_4O_MINI;
    String answer = "{\"label\": \"" + ticket.label() + "\", \"confidence\": " + dice.between(62, 99) / 100.0 + "}";
    Calls.Request req = new Calls.Request(model, Texts.CLASSIFY_SYSTEM, List.of(Msg.user(v.withPii(ticket.text()))), 0.0, 50);
    Exchange call = Calls.answer(dice, req, answer, v.outcome());
    Span.Builder llm = t.span(root, "chat " + model.requestModel(), SpanKind.SPAN_KIND_CLIENT, 1, call.millis());
    put(llm, "vigil.feature", FEATURE);
    LegacyGenAiDialect.chat(llm, call);
    if (call.failed()) TraceBuilder.fail(root, call.errorType(), call.errorMessage());
    else put(root, "ticket.label", call.finish() == Exchange.Finish.STOP ? ticket.label() : "unclassified");
    TraceBuilder.stretch(root, TraceBuilder.endMillis(llm), dice.uniform(1, 3));
    return t.build(v.endEpochNanos());
  }
}
