package dev.vigil.server.ingest.otlp;

import dev.vigil.model.SpanType;

/**
 * The span type from whichever dialect's signal is present, most specific first: OTel
 * gen_ai.operation.name, OpenInference span kind, OpenLLMetry span kind and request type, Langfuse
 * observation type; a model attribute alone means an LLM call.
 */
final class SpanTypes {
  static final String[] MODEL_KEYS = {
      "gen_ai.request.model", "gen_ai.response.model", "llm.model_name", "llm.request.model_name",
      "llm.response.model_name", "embedding.model_name", "langfuse.observation.model.name"};

  private SpanTypes() {}

  static SpanType classify(SpanAttributes a) {
    SpanType t = fromOperation(a.text("gen_ai.operation.name"));
    if (t == null) t = fromOpenInference(a.text("openinference.span.kind"));
    if (t == null) t = fromTraceloop(a.text("traceloop.span.kind"));
    if (t == null) t = fromRequestType(a.text("llm.request.type"));
    if (t == null) t = fromLangfuse(a.text("langfuse.observation.type"));
    if (t == null) t = a.text(MODEL_KEYS) != null ? SpanType.LLM : SpanType.OTHER;
    return t;
  }

  static SpanType fromOperation(String op) {
    if (op == null) return null;
    return switch (op.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "chat", "generate_content", "text_completion", "completion" -> SpanType.LLM;
      case "embeddings", "embedding" -> SpanType.EMBEDDING;
      case "retrieval" -> SpanType.RETRIEVAL;
      case "execute_tool" -> SpanType.TOOL;
      case "invoke_agent", "create_agent" -> SpanType.AGENT;
      case "invoke_workflow" -> SpanType.CHAIN;
      default -> null; // plan, memory operations, …: let another signal decide
    };
  }

  private static SpanType fromOpenInference(String kind) {
    if (kind == null) return null;
    return switch (kind.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "LLM" -> SpanType.LLM;
      case "EMBEDDING" -> SpanType.EMBEDDING;
      case "RETRIEVER" -> SpanType.RETRIEVAL;
      case "RERANKER" -> SpanType.RERANKER;
      case "TOOL" -> SpanType.TOOL;
      case "AGENT" -> SpanType.AGENT;
      case "CHAIN" -> SpanType.CHAIN;
      case "GUARDRAIL" -> SpanType.GUARDRAIL;
      case "EVALUATOR" -> SpanType.EVALUATOR;
      default -> null;
    };
  }

  private static SpanType fromTraceloop(String kind) {
    if (kind == null) return null;
    return switch (kind.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "workflow", "task" -> SpanType.CHAIN;
      case "agent" -> SpanType.AGENT;
      case "tool" -> SpanType.TOOL;
      default -> null;
    };
  }

  private static SpanType fromRequestType(String type) {
    if (type == null) return null;
    return switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "chat", "completion" -> SpanType.LLM;
      case "embedding" -> SpanType.EMBEDDING;
      case "rerank" -> SpanType.RERANKER;
      default -> null;
    };
  }

  private static SpanType fromLangfuse(String type) {
    if (type == null) return null;
    return switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "generation" -> SpanType.LLM;
      case "embedding" -> SpanType.EMBEDDING;
      case "retriever" -> SpanType.RETRIEVAL;
      case "agent" -> SpanType.AGENT;
      case "tool" -> SpanType.TOOL;
      case "chain" -> SpanType.CHAIN;
      case "guardrail" -> SpanType.GUARDRAIL;
      case "evaluator" -> SpanType.EVALUATOR;
      default -> null;
    };
  }
}
