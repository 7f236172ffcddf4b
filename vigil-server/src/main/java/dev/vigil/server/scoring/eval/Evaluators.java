package dev.vigil.server.scoring.eval;

import java.util.Set;
import java.util.TreeSet;

/** Builds the evaluator a scorecard metric names by its {@code type}. */
public final class Evaluators {
  public static final Set<String> TYPES = Set.of("policy", "json_schema", "length", "refusal", "pii_leak", "latency", "budget",
      "relevance", "grounding", "toxicity", "prompt_injection");
  /** Named in the issue, recognised so the message says they are not built yet rather than unknown. */
  static final Set<String> PLANNED = Set.of("llm_judge", "custom");

  private final String phoneRegion;

  /** @param phoneRegion region for phone numbers without a country code, as ingest uses */
  public Evaluators(String phoneRegion) {
    this.phoneRegion = phoneRegion;
  }

  /** @return the evaluator, or null after recording why the options are wrong */
  public Evaluator create(String type, Options o) {
    return switch (type) {
      case "policy" -> PolicyEvaluator.from(o);
      case "json_schema" -> JsonSchemaEvaluator.from(o);
      case "length" -> LengthEvaluator.from(o);
      case "refusal" -> RefusalEvaluator.from(o);
      case "pii_leak" -> PiiLeakEvaluator.from(o, phoneRegion);
      case "latency" -> ThresholdEvaluators.latency(o);
      case "budget" -> ThresholdEvaluators.budget(o);
      // the process's one MiniLM, loaded on first use (dev.vigil.server.embed)
      case "relevance" -> RelevanceEvaluator.from(o, dev.vigil.server.embed.Embedder.shared());
      case "grounding" -> GroundingEvaluator.from(o, dev.vigil.server.embed.Embedder.shared());
      case "toxicity" -> ToxicityEvaluator.from(o);
      case "prompt_injection" -> PromptInjectionEvaluator.from(o, dev.vigil.server.embed.Embedder.shared());
      default -> {
        o.problem("type", PLANNED.contains(type)
            ? "metric type '" + type + "' is not available yet; available: " + new TreeSet<>(TYPES)
            : "unknown metric type '" + type + "'; expected one of " + new TreeSet<>(TYPES));
        yield null;
      }
    };
  }
}
