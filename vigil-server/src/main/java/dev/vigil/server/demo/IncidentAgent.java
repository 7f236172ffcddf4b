package dev.vigil.server.demo;

import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * incident-agent: invoke_agent → rounds of (chat asking for tools → execute_tool spans) → final
 * chat, OTel GenAI 1.37+ names. The conversation grows with every tool result, as it does for real.
 */
final class IncidentAgent {
  static final String FEATURE = "incident-agent";
  private static final String SYSTEM = "You are triage-agent. Investigate production alerts with the tools,"
      + " find the most likely cause, and propose one concrete mitigation. Open a ticket when done.";
  private static final List<String> SERVICES = List.of("checkout", "search", "payments", "notifications");

  private record Tool(String name, String args, String result) {}

  private IncidentAgent() {}

  static ResourceSpans trace(Visit v) {
    Dice dice = v.dice();
    String service = dice.pick(SERVICES);
    TraceBuilder t = new TraceBuilder(dice, "openai-agents", "0.3.2")
        .resource("service.name", "ops-agent")
        .resource("service.version", "0.4.1")
        .resource("deployment.environment.name", "production")
        .resource("vigil.feature", FEATURE);
    Span.Builder root = t.span(null, "invoke_agent triage-agent", SpanKind.SPAN_KIND_INTERNAL, 0, 5);
    put(root, "gen_ai.operation.name", "invoke_agent");
    put(root, "gen_ai.agent.name", "triage-agent");
    put(root, "gen_ai.agent.id", "asst_7Hq2mXc0");
    put(root, "gen_ai.provider.name", "openai");
    put(root, "gen_ai.request.model", "gpt-4o");
    put(root, "gen_ai.conversation.id", v.turn().sessionId());
    put(root, "user.id", v.userId());
    put(root, "tag.tags", v.tags("agent", "oncall"));

    List<Tool> plan = new ArrayList<>(List.of(
        new Tool("get_metrics", "{\"service\":\"" + service + "\",\"metric\":\"p99_latency_ms\",\"window\":\"30m\"}",
            "{\"p99_latency_ms\":[310,322,1840,2210,2050],\"baseline\":300}"),
        new Tool("search_logs", "{\"service\":\"" + service + "\",\"query\":\"level:error\",\"window\":\"30m\"}",
            "{\"count\":412,\"top\":\"connection pool exhausted (max=20)\"}"),
        new Tool("get_recent_deploys", "{\"service\":\"" + service + "\"}",
            "[{\"version\":\"4.12.0\",\"at\":\"22 minutes ago\",\"change\":\"db pool size 50 -> 20\"}]")));
    if (dice.chance(0.5)) plan.remove(dice.between(0, 1));
    List<Msg> conversation = new ArrayList<>();
    conversation.add(Msg.user(v.withPii("Alert: " + service + " p99 latency above 1500 ms for 10 minutes in eu-west-1. Investigate.")));
    double at = 2;

    for (Tool tool : plan) {
      Msg.ToolUse use = new Msg.ToolUse("call_" + dice.alnum(24), tool.name(), tool.args());
      Exchange step = Calls.toolCalls(dice, request(conversation), List.of(use));
      at = chat(t, root, step, at) + 1;
      conversation.add(new Msg("assistant", "", List.of(use), null));
      Span.Builder span = t.span(root, "execute_tool " + tool.name(), SpanKind.SPAN_KIND_INTERNAL, at, dice.logNormal(180, 0.7));
      put(span, "gen_ai.operation.name", "execute_tool");
      put(span, "gen_ai.tool.name", tool.name());
      put(span, "gen_ai.tool.type", "function");
      put(span, "gen_ai.tool.call.id", use.id());
      put(span, "gen_ai.tool.call.arguments", tool.args());
      put(span, "gen_ai.tool.call.result", tool.result());
      conversation.add(Msg.toolResult(use.id(), tool.result()));
      at = TraceBuilder.endMillis(span) + 1;

    }
    String answer = "The " + service + " latency spike started right after deploy 4.12.0, which lowered the database"
        + " connection pool from 50 to 20; the logs show 'connection pool exhausted'. Mitigation: roll back to 4.11.3"
        + " or raise the pool size to 50. I opened ticket OPS-" + dice.between(1000, 9999) + ".";
    Exchange last = Calls.answer(dice, request(conversation), answer, v.outcome());
    double end = chat(t, root, last, at);
    TraceBuilder.stretch(root, end, dice.uniform(1, 4));
    if (last.failed()) TraceBuilder.fail(root, last.errorType(), "agent run failed: " + last.errorMessage());
    return t.build(v.endEpochNanos());
  }

  private static Calls.Request request(List<Msg> conversation) {
    return new Calls.Request(ModelProfile.GPT_4O, SYSTEM, conversation, 0.0, 1500);
  }

  private static double chat(TraceBuilder t, Span.Builder root, Exchange call, double at) {
    Span.Builder llm = t.span(root, "chat gpt-4o", SpanKind.SPAN_KIND_CLIENT, at, call.millis());
    GenAiDialect.chat(llm, call, "openai", false);
    return TraceBuilder.endMillis(llm);
  }
}
