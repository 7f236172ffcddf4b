package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;
import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * support-chat: HTTP request → retrieval → optional tool → streaming chat call, written with the
 * OTel GenAI 1.37+ names. Feature from a resource attribute. Prompt "support-answer" v2 rolls out.
 */
final class SupportChat {
  static final String FEATURE = "support-chat";

  private SupportChat() {}

  static ResourceSpans trace(Visit v) {
    Dice dice = v.dice();
    TraceBuilder t = new TraceBuilder(dice, "opentelemetry.instrumentation.openai_v2", "2.1b0")
        .resource("service.name", "support-api")
        .resource("service.version", v.hours() < -3 ? "2.14.3" : "2.15.0")
        .resource("deployment.environment.name", "production")
        .resource("telemetry.sdk.language", "python")
        .resource("vigil.feature", FEATURE);
    SupportCorpus.Topic topic = SupportCorpus.TOPICS.get(v.turn().topic());
    boolean v2 = dice.unit() < v.promptV2Share();
    boolean risky = v.outcome() == Outcome.REFUSAL && dice.chance(0.7);
    String question = risky ? dice.pick(SupportCorpus.RISKY)
        : v.turn().first() ? topic.question() : dice.pick(SupportCorpus.FOLLOW_UPS);
    question = v.withPii(question);

    Span.Builder root = t.span(null, "POST /v1/chat", SpanKind.SPAN_KIND_SERVER, 0, 5);
    put(root, "http.request.method", "POST");
    put(root, "http.route", "/v1/chat");
    put(root, "user.id", v.userId());
    put(root, "session.id", v.turn().sessionId());
    put(root, "gen_ai.conversation.id", v.turn().sessionId());
    put(root, "tag.tags", v.tags("support", dice.pick("web", "ios", "android")));
    put(root, "metadata", Json.write(obj("plan", v.plan(), "locale", dice.pick("en-US", "en-GB", "de-DE", "fr-FR"),
        "turn", v.turn().turn())));

    Span.Builder retrieval = t.span(root, "retrieval support-kb", SpanKind.SPAN_KIND_CLIENT, 2, dice.logNormal(70, 0.5));
    put(retrieval, "gen_ai.operation.name", "retrieval");
    put(retrieval, "gen_ai.data_source.id", "support-kb");
    put(retrieval, "gen_ai.retrieval.query.text", question);
    List<Object> docs = new ArrayList<>();
    StringBuilder context = new StringBuilder();
    for (OpenInferenceDialect.Doc d : topic.docs()) {
      docs.add(obj("id", d.id(), "score", d.score(), "content", d.content()));
      context.append("\n[").append(d.id()).append("] ").append(d.content());
    }
    put(retrieval, "gen_ai.retrieval.documents", Json.write(docs));
    double at = TraceBuilder.endMillis(retrieval) + 1;

    if (v.outcome() == Outcome.ERROR && dice.chance(0.25)) {
      // The vector store timed out: the request fails before any LLM call.
      retrieval.setEndTimeUnixNano(retrieval.getStartTimeUnixNano() + 5_000_000_000L);
      TraceBuilder.fail(retrieval, "timeout", "vector store query exceeded 5s");
      return finish(t, root, v, TraceBuilder.endMillis(retrieval), "timeout", 504);
    }
    if (topic.tool() != null && v.turn().first() && !risky) {
      Span.Builder tool = t.span(root, "execute_tool " + topic.tool(), SpanKind.SPAN_KIND_INTERNAL, at,
          dice.logNormal(120, 0.6));
      put(tool, "gen_ai.operation.name", "execute_tool");
      put(tool, "gen_ai.tool.name", topic.tool());
      put(tool, "gen_ai.tool.type", "function");
      put(tool, "gen_ai.tool.call.id", "call_" + dice.alnum(24));
      put(tool, "gen_ai.tool.call.arguments", topic.toolArgs());
      put(tool, "gen_ai.tool.call.result", topic.toolResult());
      at = TraceBuilder.endMillis(tool) + 1;
    }

    ModelProfile model = v.unknownModel() ? ModelProfile.IN_HOUSE
        : dice.chance(0.35) ? ModelProfile.GPT_4O : ModelProfile.GPT_4O_MINI;
    List<Msg> input = new ArrayList<>();
    if (!v.turn().first()) {
      input.add(Msg.user(topic.question()));
      input.add(Msg.assistant(SupportCorpus.answer(topic, v2)));
    }
    input.add(Msg.user(question));
    String answer = v.turn().first() ? SupportCorpus.answer(topic, v2)
        : "Of course. " + topic.steps().get(v.turn().turn() % topic.steps().size())
            + " If that still doesn't help, I can hand this conversation to a human agent.";
    String system = (v2 ? SupportCorpus.SYSTEM_V2 : SupportCorpus.SYSTEM_V1) + "\n\nContext:" + context;
    Exchange call = Calls.answer(dice, new Calls.Request(model, system, input, 0.3, 800), answer, v.outcome());
    if (!v.turn().first() && !call.failed() && dice.chance(0.6)) {
      call = Calls.withCache(call, (int) (call.inputTokens() * 0.6) / 64 * 64, 0);
    }
    Span.Builder llm = t.span(root, "chat " + model.requestModel(), SpanKind.SPAN_KIND_CLIENT, at, call.millis());
    GenAiDialect.chat(llm, call, "openai", true);
    put(llm, "gen_ai.prompt.name", "support-answer");
    put(llm, "gen_ai.prompt.version", v2 ? "v2" : "v1");
    put(llm, "gen_ai.conversation.id", v.turn().sessionId());
    int status = !call.failed() ? 200 : call.errorType().equals("rate_limit_exceeded") ? 503 : 500;
    return finish(t, root, v, TraceBuilder.endMillis(llm), call.errorType(), status);
  }

  private static ResourceSpans finish(TraceBuilder t, Span.Builder root, Visit v, double lastEnd, String error,
      int status) {
    TraceBuilder.stretch(root, lastEnd, v.dice().uniform(2, 8));
    put(root, "http.response.status_code", status);
    if (error != null) TraceBuilder.fail(root, error, "chat request failed: " + error);
    return t.build(v.endEpochNanos());
  }
}
