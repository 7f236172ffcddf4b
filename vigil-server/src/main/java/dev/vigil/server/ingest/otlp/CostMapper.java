package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Cost;
import java.util.Map;

/**
 * A cost only when the client reported one (OpenInference llm.cost.*, Langfuse cost_details,
 * gen_ai.usage.cost); pricing from tables happens later in the pipeline. OpenInference's prompt and
 * completion costs include their cache and reasoning details; the model's parts do not overlap.
 */
final class CostMapper {
  private CostMapper() {}

  static Cost reported(SpanAttributes a) {
    Double input = a.doubleValue("llm.cost.prompt");
    Double output = a.doubleValue("llm.cost.completion");
    Double cacheRead = a.doubleValue("llm.cost.prompt_details.cache_read");
    Double cacheWrite = a.doubleValue("llm.cost.prompt_details.cache_write");
    Double reasoning = a.doubleValue("llm.cost.completion_details.reasoning");
    Double total = a.doubleValue("llm.cost.total");
    if (total == null) total = a.doubleValue("gen_ai.usage.cost");
    Map<?, ?> langfuse = Json.parseMap(a.get("langfuse.observation.cost_details"));
    if (langfuse != null) {
      if (input == null) input = AnyValues.toDouble(langfuse.get("input"));
      if (output == null) output = AnyValues.toDouble(langfuse.get("output"));
      if (total == null) total = AnyValues.toDouble(langfuse.get("total"));
    }
    return Cost.reported(exclusive(input, cacheRead, cacheWrite), exclusive(output, reasoning, null),
        cacheRead, cacheWrite, reasoning, total);
  }

  /** An inclusive cost minus its detail parts, never below zero. */
  private static Double exclusive(Double inclusive, Double part, Double otherPart) {
    if (inclusive == null) return null;
    double rest = inclusive - (part == null ? 0 : part) - (otherPart == null ? 0 : otherPart);
    return Math.max(0, rest);
  }
}
