package dev.vigil.server.scoring.eval;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the evaluator a scorecard metric names by its {@code type}. */
public final class Evaluators {
  public static final Set<String> TYPES = Set.of("policy", "json_schema", "length", "refusal", "pii_leak", "latency", "budget",
      "llm_judge", "custom");
  /** Named in the issue, recognised so the message says they are not built yet rather than unknown. */
  static final Set<String> PLANNED = Set.of("relevance", "grounding", "toxicity", "prompt_injection");

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
      default -> {
        o.problem("type", PLANNED.contains(type)
            ? "metric type '" + type + "' is not available yet; available: " + new TreeSet<>(TYPES)
            : "unknown metric type '" + type + "'; expected one of " + new TreeSet<>(TYPES));
        yield null;
      }
    };
  }
}
