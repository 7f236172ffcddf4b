package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import java.util.Map;

/**
 * A cost only when the client reported one (OpenInference llm.cost.*, Langfuse cost_details,
 * gen_ai.usage.cost); pricing from tables happens later in the pipeline.
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
    if (total == null && (input != null || output != null)) {
      total = (input == null ? 0 : input) + (output == null ? 0 : output);
    }
    if (total == null && cacheRead == null && cacheWrite == null && reasoning == null) return Cost.NONE;
    return new Cost(input, output, cacheRead, cacheWrite, reasoning, total, CostSource.REPORTED);
  }
}
