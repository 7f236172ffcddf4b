package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;
import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OTel GenAI semantic conventions 1.37+: gen_ai.provider.name, content as JSON strings in the
 * "parts" shape (what most SDKs put on spans), streaming time to first chunk in seconds.
 */
final class GenAiDialect {
  private GenAiDialect() {}

  static void chat(Span.Builder span, Exchange e, String provider, boolean stream) {
    put(span, "gen_ai.operation.name", "chat");
    put(span, "gen_ai.provider.name", provider);
    put(span, "gen_ai.request.model", e.model().requestModel());
    put(span, "gen_ai.request.temperature", e.temperature());
    put(span, "gen_ai.request.max_tokens", e.maxTokens());
    if (stream) put(span, "gen_ai.request.stream", true);
    put(span, "server.address", "api.openai.com");
    put(span, "server.port", 443);
    if (e.system() != null) {
      put(span, "gen_ai.system_instructions", Json.write(List.of(obj("type", "text", "content", e.system()))));
    }
    put(span, "gen_ai.input.messages", Json.write(messages(e.input())));
    if (e.failed()) {
      TraceBuilder.fail(span, e.errorType(), e.errorMessage());
      return;
    }
    put(span, "gen_ai.response.id", e.responseId());
    put(span, "gen_ai.response.model", e.model().responseModel());
    put(span, "gen_ai.response.finish_reasons", List.of(e.finish().genai));
    put(span, "gen_ai.usage.input_tokens", e.inputTokens());
    put(span, "gen_ai.usage.output_tokens", e.outputTokens());
    if (e.cacheReadTokens() > 0) put(span, "gen_ai.usage.cache_read.input_tokens", e.cacheReadTokens());
    if (stream) put(span, "gen_ai.response.time_to_first_chunk", Math.round(e.ttftMillis()) / 1000.0);
    Map<String, Object> out = obj("role", "assistant", "parts", parts(e.output(), e.toolCalls()),
        "finish_reason", e.finish().genai);
    put(span, "gen_ai.output.messages", Json.write(List.of(out)));
  }

  static List<Map<String, Object>> messages(List<Msg> messages) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Msg m : messages) {
      if (m.toolCallId() != null) {
        list.add(obj("role", "tool", "parts",
            List.of(obj("type", "tool_call_response", "id", m.toolCallId(), "response", m.text()))));
      } else {
        list.add(obj("role", m.role(), "parts", parts(m.text(), m.toolCalls())));
      }
    }
    return list;
  }

  private static List<Map<String, Object>> parts(String text, List<Msg.ToolUse> calls) {
    List<Map<String, Object>> parts = new ArrayList<>();
    if (text != null && !text.isEmpty()) parts.add(obj("type", "text", "content", text));
    for (Msg.ToolUse c : calls) {
      parts.add(obj("type", "tool_call", "id", c.id(), "name", c.name(), "arguments", c.argumentsJson()));
    }
    return parts;
  }
}
