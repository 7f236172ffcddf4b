package dev.vigil.server.ingest.api;

import dev.vigil.model.Cost;
import dev.vigil.model.LlmCall;
import dev.vigil.model.SpanType;
import dev.vigil.model.Usage;
import java.util.List;
import java.util.Locale;

/** The model-call part of a span: present for llm and embedding spans and whenever a call field is sent. */
final class LlmFields {
  private static final List<String> CALL_FIELDS = List.of("model", "response_model", "provider", "operation",
      "usage", "cost", "finish_reason", "time_to_first_token_ms", "stream", "parameters", "response_id");
  private static final List<String> COST_FIELDS =
      List.of("total", "input", "output", "cache_read", "cache_write", "reasoning");

  private LlmFields() {}

  static LlmCall decode(Fields f, SpanType type) {
    boolean modelSpan = type == SpanType.LLM || type == SpanType.EMBEDDING;
    if (!modelSpan && CALL_FIELDS.stream().noneMatch(f::has)) return null;
    String operation = f.text("operation", Limits.MAX_SHORT_CHARS);
    if (operation == null) operation = type == SpanType.LLM ? "chat" : type == SpanType.EMBEDDING ? "embeddings" : null;
    String provider = f.text("provider", Limits.MAX_SHORT_CHARS);
    String finishReason = f.text("finish_reason", Limits.MAX_SHORT_CHARS);
    Double ttftMs = f.nonNegativeNumber("time_to_first_token_ms");
    return new LlmCall(
        operation,
        provider == null ? null : provider.trim().toLowerCase(Locale.ROOT),
        f.text("model", Limits.MAX_SHORT_CHARS),
        f.text("response_model", Limits.MAX_SHORT_CHARS),
        usage(f.object("usage")),
        cost(f.object("cost")),
        finishReason == null ? List.of() : List.of(finishReason),
        ttftMs == null ? null : Math.round(ttftMs * 1_000_000d),
        Boolean.TRUE.equals(f.bool("stream")),
        f.text("response_id", Limits.MAX_SHORT_CHARS),
        f.valueMap("parameters"));
  }

  // OTel's convention: input includes cache reads and writes, output includes reasoning. Catching a
  // client that reports them the other way round (as Anthropic's API does) beats storing wrong totals.
  private static Usage usage(Fields u) {
    if (u == null) return Usage.NONE;
    Long input = u.nonNegativeLong("input_tokens");
    Long output = u.nonNegativeLong("output_tokens");
    Long cacheRead = u.nonNegativeLong("cache_read_tokens");
    Long cacheWrite = u.nonNegativeLong("cache_write_tokens");
    Long reasoning = u.nonNegativeLong("reasoning_tokens");
    long cached = (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
    if (input != null && cached > input) {
      throw new InvalidItem(u.path() + ": cache_read_tokens + cache_write_tokens (" + cached
          + ") exceed input_tokens (" + input + "); input_tokens must include cached tokens");
    }
    if (output != null && reasoning != null && reasoning > output) {
      throw new InvalidItem(u.path() + ": reasoning_tokens (" + reasoning + ") exceed output_tokens ("
          + output + "); output_tokens must include reasoning tokens");
    }
    return new Usage(input, output, cacheRead, cacheWrite, reasoning, false);
  }

  /** A cost the client reports; total defaults to the sum of the parts given. */
  private static Cost cost(Fields c) {
    if (c == null) return Cost.NONE;
    if (COST_FIELDS.stream().noneMatch(c::has)) {
      throw new InvalidItem(c.path() + ": expected at least one of " + String.join(", ", COST_FIELDS));
    }
    Double input = c.nonNegativeNumber("input");
    Double output = c.nonNegativeNumber("output");
    Double cacheRead = c.nonNegativeNumber("cache_read");
    Double cacheWrite = c.nonNegativeNumber("cache_write");
    Double reasoning = c.nonNegativeNumber("reasoning");
    return Cost.reported(input, output, cacheRead, cacheWrite, reasoning, c.nonNegativeNumber("total"));
  }
}
