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
  TRACELOOP_ASSOCIATION(ContextMapper.ASSOCIATION, false, false);

  static final Family[] VALUES = values();

  final String prefix;
  /** The part after the prefix starts with an index digit (gen_ai.prompt.0.role, not gen_ai.prompt.name). */
  final boolean indexed;
  final boolean content;

  Family(String prefix, boolean indexed, boolean content) {
    this.prefix = prefix;
    this.indexed = indexed;
    this.content = content;
  }

  /** The family of {@code key}, or null. Dispatches on the first letters: most keys match none. */
  static Family of(String key) {
    if (key.length() < 8) return null;
    return switch (key.charAt(0)) {
      case 'g' -> !key.startsWith("gen_ai.") ? null : switch (key.charAt(7)) {
        case 'r' -> match(key, GEN_AI_REQUEST) ? GEN_AI_REQUEST : null;
        case 'p' -> match(key, GEN_AI_PROMPT) ? GEN_AI_PROMPT : null;
        case 'c' -> match(key, GEN_AI_COMPLETION) ? GEN_AI_COMPLETION : null;
        default -> null;
      };
      case 'l' -> key.charAt(1) == 'l' ? llm(key)
          : match(key, LANGFUSE_TRACE_METADATA) ? LANGFUSE_TRACE_METADATA
          : match(key, LANGFUSE_OBSERVATION_METADATA) ? LANGFUSE_OBSERVATION_METADATA : null;
      case 'r' -> match(key, RETRIEVAL_DOCUMENTS) ? RETRIEVAL_DOCUMENTS
          : match(key, RERANKER_OUTPUT_DOCUMENTS) ? RERANKER_OUTPUT_DOCUMENTS : null;
      case 'e' -> match(key, EMBEDDINGS) ? EMBEDDINGS : null;
      case 't' -> match(key, TRACELOOP_ASSOCIATION) ? TRACELOOP_ASSOCIATION : null;
      default -> null;
    };
  }

  private static Family llm(String key) {
    if (match(key, LLM_INPUT_MESSAGES)) return LLM_INPUT_MESSAGES;
    if (match(key, LLM_OUTPUT_MESSAGES)) return LLM_OUTPUT_MESSAGES;
    if (match(key, LLM_PROMPTS)) return LLM_PROMPTS;
    return match(key, LLM_CHOICES) ? LLM_CHOICES : null;
  }

  private static boolean match(String key, Family f) {
    int n = f.prefix.length();
    return key.length() > n && key.startsWith(f.prefix) && (!f.indexed || Character.isDigit(key.charAt(n)));
  }
}
