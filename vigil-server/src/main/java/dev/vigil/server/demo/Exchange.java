package dev.vigil.server.demo;

import java.util.List;

/**
 * One LLM call as it happened, independent of how an instrumentation writes it down. The dialect
 * writers ({@link GenAiDialect}, {@link OpenLlmetryDialect}, {@link OpenInferenceDialect}) turn it
 * into span attributes.
 */
record Exchange(
    ModelProfile model,
    String system,
    List<Msg> input,
    String output,
    List<Msg.ToolUse> toolCalls,
    Finish finish,
    int inputTokens,
    int outputTokens,
    int cacheReadTokens,
    int cacheWriteTokens,
    double ttftMillis,
    double millis,
    double temperature,
    int maxTokens,
    String responseId,
    String errorType,
    String errorMessage) {

  Exchange {
    input = List.copyOf(input);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  boolean failed() {
    return errorType != null;
  }

  /** Why generation stopped, in neutral terms; each dialect spells it the way its provider does. */
  enum Finish {
    STOP("stop", "stop", "end_turn", "STOP"),
    LENGTH("length", "length", "max_tokens", "MAX_TOKENS"),
    CONTENT_FILTER("content_filter", "content_filter", "refusal", "SAFETY"),
    TOOL_CALL("tool_call", "tool_calls", "tool_use", "STOP"),
    ERROR("error", "error", "error", "OTHER");

    /** OTel GenAI's own spelling (output message schema). */
    final String genai;
    final String openai;
    final String anthropic;
    final String gemini;

    Finish(String genai, String openai, String anthropic, String gemini) {
      this.genai = genai;
      this.openai = openai;
      this.anthropic = anthropic;
      this.gemini = gemini;
    }
  }
}
