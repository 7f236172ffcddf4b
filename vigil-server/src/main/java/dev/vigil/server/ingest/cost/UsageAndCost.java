package dev.vigil.server.ingest.cost;

import dev.vigil.model.Cost;
import dev.vigil.model.LlmCall;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.ProjectSettings;
import dev.vigil.model.Span;
import dev.vigil.model.SpanType;
import dev.vigil.model.Usage;
import java.util.List;

/**
 * The ingest step that completes a model call's numbers: estimates token usage when the client sent
 * none (and there is content to count), then prices the call. Spans without an LLM call, and spans
 * whose numbers do not change, come back as the same instance.
 */
public final class UsageAndCost {
  private final CostCalculator calculator;
  private final TokenEstimator estimator;

  public UsageAndCost(PriceTable table) {
    this(new CostCalculator(table), new TokenEstimator());
  }

  UsageAndCost(CostCalculator calculator, TokenEstimator estimator) {
    this.calculator = calculator;
    this.estimator = estimator;
  }

  public Span enrich(Span span, ProjectSettings settings) {
    LlmCall call = span.llm();
    if (call == null) return span;
    Usage usage = call.usage();
    if (usage.isEmpty() && !span.content().isEmpty()) usage = estimator.estimate(call, span.content());
    LlmCall counted = usage.equals(call.usage()) ? call : call.withUsage(usage);
    List<PriceOverride> overrides = settings == null ? List.of() : settings.priceOverrides();
    boolean embedding = span.type() == SpanType.EMBEDDING || CostCalculator.isEmbedding(call.operation());
    Cost cost = calculator.cost(counted, overrides, embedding);
    if (counted == call && cost.equals(call.cost())) return span;
    return span.withLlm(counted.withCost(cost));
  }
}
