package dev.vigil.server.ingest.otlp;

/**
 * Flattened attribute families ("prefix" + index or key + "."…), found in one pass over a span's keys
 * so that no mapper has to scan every attribute again. {@code content} ones are not kept as raw
 * attributes: they become messages or documents.
 */
enum Family {
  GEN_AI_REQUEST("gen_ai.request.", false, false),
  GEN_AI_PROMPT("gen_ai.prompt.", true, true),
  GEN_AI_COMPLETION("gen_ai.completion.", true, true),
  LLM_INPUT_MESSAGES("llm.input_messages.", true, true),
  LLM_OUTPUT_MESSAGES("llm.output_messages.", true, true),
  LLM_PROMPTS("llm.prompts.", true, true),
  LLM_CHOICES("llm.choices.", true, true),
  RETRIEVAL_DOCUMENTS("retrieval.documents.", true, true),
  RERANKER_OUTPUT_DOCUMENTS("reranker.output_documents.", true, true),
  EMBEDDINGS("embedding.embeddings.", true, true),
  LANGFUSE_TRACE_METADATA("langfuse.trace.metadata.", false, false),
  LANGFUSE_OBSERVATION_METADATA("langfuse.observation.metadata.", false, false),
  TRACELOOP_ASSOCIATION("traceloop.association.properties.", false, false);

  final String prefix;
  /** The part after the prefix starts with an index digit (gen_ai.prompt.0.role, not gen_ai.prompt.name). */
  final boolean indexed;
  final boolean content;

  Family(String prefix, boolean indexed, boolean content) {
    this.prefix = prefix;
    this.indexed = indexed;
    this.content = content;
  }

  /** The family of {@code key}, or null. Dispatches on the first letter: most keys match none. */
  static Family of(String key) {
    if (key.length() < 8) return null;
    return switch (key.charAt(0)) {
      case 'g' -> match(key, GEN_AI_REQUEST, GEN_AI_PROMPT, GEN_AI_COMPLETION);
      case 'l' -> key.charAt(1) == 'l'
          ? match(key, LLM_INPUT_MESSAGES, LLM_OUTPUT_MESSAGES, LLM_PROMPTS, LLM_CHOICES)
          : match(key, LANGFUSE_TRACE_METADATA, LANGFUSE_OBSERVATION_METADATA);
      case 'r' -> match(key, RETRIEVAL_DOCUMENTS, RERANKER_OUTPUT_DOCUMENTS);
      case 'e' -> match(key, EMBEDDINGS);
      case 't' -> match(key, TRACELOOP_ASSOCIATION);
      default -> null;
    };
  }

  private static Family match(String key, Family... candidates) {
    for (Family f : candidates) {
      if (key.length() > f.prefix.length() && key.startsWith(f.prefix)) {
        if (f.indexed && !Character.isDigit(key.charAt(f.prefix.length()))) continue;
        return f;
      }
    }
    return null;
  }
}
