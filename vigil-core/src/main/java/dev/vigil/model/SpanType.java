package dev.vigil.model;

import java.util.Locale;

/**
 * What a span does in an LLM application, unified across dialects: OTel GenAI's operation names,
 * OpenInference's span kinds and OpenLLMetry's traceloop kinds all map onto these.
 */
public enum SpanType {
  LLM, EMBEDDING, RETRIEVAL, RERANKER, TOOL, AGENT, CHAIN, GUARDRAIL, EVALUATOR, OTHER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SpanType fromWireName(String name) {
    if (name == null) return OTHER;
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return OTHER;
    }
  }
}
