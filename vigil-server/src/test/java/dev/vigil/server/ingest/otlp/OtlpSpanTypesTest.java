package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import dev.vigil.model.SpanType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtlpSpanTypesTest {
  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource({
      "gen_ai.operation.name, chat, LLM", "gen_ai.operation.name, generate_content, LLM",
      "gen_ai.operation.name, text_completion, LLM", "gen_ai.operation.name, embeddings, EMBEDDING",
      "gen_ai.operation.name, retrieval, RETRIEVAL", "gen_ai.operation.name, execute_tool, TOOL",
      "gen_ai.operation.name, invoke_agent, AGENT", "gen_ai.operation.name, create_agent, AGENT",
      "gen_ai.operation.name, invoke_workflow, CHAIN", "gen_ai.operation.name, plan, OTHER",
      "openinference.span.kind, LLM, LLM", "openinference.span.kind, EMBEDDING, EMBEDDING",
      "openinference.span.kind, RETRIEVER, RETRIEVAL", "openinference.span.kind, RERANKER, RERANKER",
      "openinference.span.kind, TOOL, TOOL", "openinference.span.kind, AGENT, AGENT",
      "openinference.span.kind, CHAIN, CHAIN", "openinference.span.kind, GUARDRAIL, GUARDRAIL",
      "openinference.span.kind, EVALUATOR, EVALUATOR", "openinference.span.kind, UNKNOWN, OTHER",
      "traceloop.span.kind, workflow, CHAIN", "traceloop.span.kind, task, CHAIN",
      "traceloop.span.kind, agent, AGENT", "traceloop.span.kind, tool, TOOL",
      "llm.request.type, chat, LLM", "llm.request.type, completion, LLM",
      "llm.request.type, embedding, EMBEDDING", "llm.request.type, rerank, RERANKER",
      "gen_ai.request.model, gpt-4o, LLM", "llm.model_name, gpt-4o, LLM", "http.method, GET, OTHER"})
  void typeFromEachDialect(String key, String value, SpanType expected) {
    assertThat(one(key, value).type()).isEqualTo(expected);
  }

  @Test
  void llmCallOnlyForLlmAndEmbeddingSpans() {
    assertThat(one("gen_ai.operation.name", "invoke_agent", "gen_ai.request.model", "gpt-4o").llm()).isNull();
    Span embedding = one("gen_ai.operation.name", "embeddings", "gen_ai.request.model", "e");
    assertThat(embedding.llm().operation()).isEqualTo("embeddings");
    assertThat(one("llm.request.type", "completion").llm().operation()).isEqualTo("text_completion");
    assertThat(one("openinference.span.kind", "LLM").llm().operation()).isEqualTo("chat");
    assertThat(one("openinference.span.kind", "EMBEDDING").llm().operation()).isEqualTo("embeddings");
  }
}
