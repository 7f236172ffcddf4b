package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;
import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OTel GenAI before 1.37, still the default of many instrumentations: gen_ai.system,
 * gen_ai.usage.prompt_tokens/completion_tokens, gen_ai.openai.*, content as span events.
 */
final class LegacyGenAiDialect {
  private LegacyGenAiDialect() {}

  static void chat(Span.Builder span, Exchange e) {
    put(span, "gen_ai.system", "openai");
    put(span, "gen_ai.operation.name", "chat");
    put(span, "gen_ai.request.model", e.model().requestModel());
    put(span, "gen_ai.request.temperature", e.temperature());
    put(span, "gen_ai.request.max_tokens", e.maxTokens());
    put(span, "gen_ai.openai.request.response_format", "json_object");
    put(span, "server.address", "api.openai.com");
    put(span, "server.port", 443);
    List<Map<String, Object>> prompt = new ArrayList<>();
    if (e.system() != null) prompt.add(obj("role", "system", "content", e.system()));
    for (Msg m : e.input()) prompt.add(obj("role", m.role(), "content", m.text()));
    TraceBuilder.event(span, "gen_ai.content.prompt", obj("gen_ai.prompt", Json.write(prompt)));
    if (e.failed()) {
      TraceBuilder.fail(span, e.errorType(), e.errorMessage());
      return;
    }
    put(span, "gen_ai.response.id", e.responseId());
    put(span, "gen_ai.response.model", e.model().responseModel());
    put(span, "gen_ai.response.finish_reasons", List.of(e.finish().openai));
    put(span, "gen_ai.usage.prompt_tokens", e.inputTokens());
    put(span, "gen_ai.usage.completion_tokens", e.outputTokens());
    put(span, "gen_ai.openai.response.system_fingerprint", "fp_0aa8d3e20b");
    TraceBuilder.event(span, "gen_ai.content.completion",
        obj("gen_ai.completion", Json.write(List.of(obj("role", "assistant", "content", e.output())))));
  }
}
