package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Usage;
import java.util.Map;

/**
 * Token counts in OTel's convention (input includes cache reads and writes, output includes
 * reasoning), from every dialect's names. A total fills in a missing input or output.
 */
final class UsageMapper {
  private static final String[] INPUT = {"gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt"};
  private static final String[] OUTPUT = {
      "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion"};
  private static final String[] CACHE_READ = {"gen_ai.usage.cache_read.input_tokens",
      "gen_ai.usage.cache_read_input_tokens", "llm.token_count.prompt_details.cache_read"};
  private static final String[] CACHE_WRITE = {"gen_ai.usage.cache_creation.input_tokens",
      "gen_ai.usage.cache_write.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
      "llm.token_count.prompt_details.cache_write"};
  private static final String[] REASONING = {"gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens",
      "llm.token_count.completion_details.reasoning"};
  private static final String[] TOTAL = {"gen_ai.usage.total_tokens", "llm.usage.total_tokens", "llm.token_count.total"};
  private static final String[] LANGFUSE_INPUT = {"input", "prompt_tokens", "input_tokens"};
  private static final String[] LANGFUSE_OUTPUT = {"output", "completion_tokens", "output_tokens"};
  private static final String[] LANGFUSE_TOTAL = {"total", "total_tokens"};

  private UsageMapper() {}

  static Usage usage(SpanAttributes a) {
    Map<?, ?> langfuse = Json.parseMap(a.get("langfuse.observation.usage_details"));
    Long input = first(a.longValue(INPUT), langfuse, LANGFUSE_INPUT);
    Long output = first(a.longValue(OUTPUT), langfuse, LANGFUSE_OUTPUT);
    Long cacheRead = a.longValue(CACHE_READ);
    Long cacheWrite = a.longValue(CACHE_WRITE);
    Long reasoning = a.longValue(REASONING);
    Long total = first(a.longValue(TOTAL), langfuse, LANGFUSE_TOTAL);

    if (total != null && input != null && output == null && total >= input) output = total - input;
    if (total != null && output != null && input == null && total >= output) input = total - output;
    // A count smaller than its own parts can only mean the client reported it Anthropic-style,
    // without them: add them back so input and output mean the same thing for every client.
    if (input != null) {
      long cached = (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
      if (input < cached) input += cached;
    }
    if (output != null && reasoning != null && output < reasoning) output += reasoning;

    if (input == null && output == null && cacheRead == null && cacheWrite == null && reasoning == null) {
      return Usage.NONE;
    }
    return new Usage(input, output, cacheRead, cacheWrite, reasoning, false);
  }

  private static Long first(Long value, Map<?, ?> fallback, String[] keys) {
    if (value != null || fallback == null) return value;
    for (String key : keys) {
      Long v = AnyValues.toLong(fallback.get(key));
      if (v != null) return v;
    }
    return null;
  }
}
