package dev.vigil.server.scoring.eval;

import dev.vigil.server.embed.Embedder;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the evaluator a scorecard metric names by its {@code type}. */
public final class Evaluators {
  public static final Set<String> TYPES = Set.of("policy", "json_schema", "length", "refusal", "pii_leak", "latency", "budget",
      "llm_judge", "custom", "relevance", "grounding", "toxicity", "prompt_injection");

  private final String phoneRegion;
  private final Map<String, Function<Options, Evaluator>> services;

  /** @param phoneRegion region for phone numbers without a country code, as ingest uses */
  public Evaluators(String phoneRegion) {
    this(phoneRegion, Map.of());
  }

  /**
   * @param services builders of the evaluator types that need a server-side service, by type:
   *     "llm_judge" (the configured judges) and "custom" (the loaded plugins); kept as functions so
   *     this package does not depend on theirs
   */
  public Evaluators(String phoneRegion, Map<String, Function<Options, Evaluator>> services) {
    this.phoneRegion = phoneRegion;
    this.services = Map.copyOf(services);
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
      case "llm_judge", "custom" -> {
        Function<Options, Evaluator> service = services.get(type);
        if (service != null) yield service.apply(o);
        o.problem("type", "metric type '" + type + "' is not available in this setup");
        yield null;
      }
      // the process's one MiniLM, loaded on first use (dev.vigil.server.embed)
      case "relevance" -> RelevanceEvaluator.from(o, Embedder.shared());
      case "grounding" -> GroundingEvaluator.from(o, Embedder.shared());
      case "toxicity" -> ToxicityEvaluator.from(o);
      case "prompt_injection" -> PromptInjectionEvaluator.from(o, Embedder.shared());
      default -> {
        o.problem("type", "unknown metric type '" + type + "'; expected one of " + new TreeSet<>(TYPES));
        yield null;
      }
    };
  }
}
