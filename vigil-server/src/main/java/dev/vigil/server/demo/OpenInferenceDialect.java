package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;
import static dev.vigil.server.demo.TraceBuilder.put;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Arize OpenInference: openinference.span.kind on every span, llm.model_name, flattened
 * llm.input_messages.N.message.*, llm.token_count.*, retrieval.documents.N.document.*. Google
 * models are provider "google"; OTel would call the same endpoint gcp.gemini.
 */
final class OpenInferenceDialect {
  private OpenInferenceDialect() {}

  /** One retrieved document: id, text, relevance score. */
  record Doc(String id, String content, double score) {}

  static void chat(Span.Builder span, Exchange e) {
    put(span, "openinference.span.kind", "LLM");
    put(span, "llm.model_name", e.model().requestModel());
    put(span, "llm.provider", "google");
    put(span, "llm.system", "vertexai");
    put(span, "llm.invocation_parameters",
        Json.write(obj("temperature", e.temperature(), "max_output_tokens", e.maxTokens())));
    List<Map<String, Object>> request = new ArrayList<>();
    int i = 0;
    if (e.system() != null) {
      message(span, "llm.input_messages." + i++, "system", e.system());
      request.add(obj("role", "system", "content", e.system()));
    }
    for (Msg m : e.input()) {
      message(span, "llm.input_messages." + i++, m.role(), m.text());
      request.add(obj("role", m.role(), "content", m.text()));
    }
    put(span, "input.value", Json.write(obj("model", e.model().requestModel(), "contents", request)));
    put(span, "input.mime_type", "application/json");
    if (e.failed()) {
      TraceBuilder.fail(span, e.errorType(), e.errorMessage());
      TraceBuilder.event(span, "exception", obj("exception.type", "google.genai.errors.ServerError",
          "exception.message", e.errorMessage()));
      return;
    }
    message(span, "llm.output_messages.0", "model", e.output());
    put(span, "output.value", e.output());
    put(span, "output.mime_type", "text/plain");
    put(span, "llm.finish_reason", e.finish().gemini);
    put(span, "llm.token_count.prompt", e.inputTokens());
    put(span, "llm.token_count.completion", e.outputTokens());
    put(span, "llm.token_count.total", e.inputTokens() + e.outputTokens());
    if (e.cacheReadTokens() > 0) put(span, "llm.token_count.prompt_details.cache_read", e.cacheReadTokens());
  }

  static void retriever(Span.Builder span, String query, List<Doc> docs) {
    put(span, "openinference.span.kind", "RETRIEVER");
    put(span, "input.value", query);
    put(span, "input.mime_type", "text/plain");
    for (int i = 0; i < docs.size(); i++) {
      Doc d = docs.get(i);
      String prefix = "retrieval.documents." + i + ".document.";
      put(span, prefix + "id", d.id());
      put(span, prefix + "content", d.content());
      put(span, prefix + "score", d.score());
      put(span, prefix + "metadata", Json.write(obj("source", "docs", "path", "/" + d.id())));
    }
  }

  private static void message(Span.Builder span, String prefix, String role, String content) {
    put(span, prefix + ".message.role", role);
    put(span, prefix + ".message.content", content);
  }
}
