package dev.vigil.server.demo;

import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.Span;

/**
 * Traceloop's OpenLLMetry as its Anthropic instrumentation writes it: capitalised gen_ai.system,
 * flattened gen_ai.prompt.N / gen_ai.completion.N, underscore-style cache token keys. Its
 * prompt_tokens include the cache tokens, which Anthropic's own input_tokens do not.
 */
final class OpenLlmetryDialect {
  private OpenLlmetryDialect() {}

  static void chat(Span.Builder span, Exchange e) {
    put(span, "llm.request.type", "chat");
    put(span, "gen_ai.system", "Anthropic");
    put(span, "gen_ai.request.model", e.model().requestModel());
    put(span, "gen_ai.request.max_tokens", e.maxTokens());
    put(span, "gen_ai.request.temperature", e.temperature());
    put(span, "llm.is_streaming", false);
    int i = 0;
    if (e.system() != null) {
      put(span, "gen_ai.prompt.0.role", "system");
      put(span, "gen_ai.prompt.0.content", e.system());
      i = 1;
    }
    for (Msg m : e.input()) {
      put(span, "gen_ai.prompt." + i + ".role", m.role());
      put(span, "gen_ai.prompt." + i + ".content", m.text());
      i++;
    }
    if (e.failed()) {
      TraceBuilder.fail(span, e.errorType(), e.errorMessage());
      return;
    }
    put(span, "gen_ai.response.model", e.model().responseModel());
    put(span, "gen_ai.response.id", e.responseId());
    put(span, "gen_ai.completion.0.role", "assistant");
    put(span, "gen_ai.completion.0.content", e.output());
    put(span, "gen_ai.completion.0.finish_reason", e.finish().anthropic);
    put(span, "gen_ai.usage.prompt_tokens", e.inputTokens());
    put(span, "gen_ai.usage.completion_tokens", e.outputTokens());
    put(span, "llm.usage.total_tokens", e.inputTokens() + e.outputTokens());
    if (e.cacheReadTokens() > 0) put(span, "gen_ai.usage.cache_read_input_tokens", e.cacheReadTokens());
    if (e.cacheWriteTokens() > 0) put(span, "gen_ai.usage.cache_creation_input_tokens", e.cacheWriteTokens());
  }
}
