package dev.vigil.model;

import java.util.List;
import java.util.Map;

/**
 * The model-call part of a span (LLM and embedding spans). {@code provider} is normalized to OTel's
 * well-known lower-case values where one applies ("openai", "anthropic", "gcp.vertex_ai", …).
 */
public record LlmCall(
    String operation,
    String provider,
    String requestModel,
    String responseModel,
    Usage usage,
    Cost cost,
    List<String> finishReasons,
    Long timeToFirstTokenNanos,
    boolean streaming,
    String responseId,
    Map<String, Object> requestParameters) {

  public LlmCall {
    usage = usage == null ? Usage.NONE : usage;
    cost = cost == null ? Cost.NONE : cost;
    finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
    requestParameters = requestParameters == null ? Map.of() : Map.copyOf(requestParameters);
  }

  /** The model that answered when known, else the one asked for. */
  public String model() {
    return responseModel != null ? responseModel : requestModel;
  }

  public String finishReason() {
    return finishReasons.isEmpty() ? null : finishReasons.get(0);
  }

  public LlmCall withUsage(Usage newUsage) {
    return new LlmCall(operation, provider, requestModel, responseModel, newUsage, cost, finishReasons,
        timeToFirstTokenNanos, streaming, responseId, requestParameters);
  }

  public LlmCall withCost(Cost newCost) {
    return new LlmCall(operation, provider, requestModel, responseModel, usage, newCost, finishReasons,
        timeToFirstTokenNanos, streaming, responseId, requestParameters);
  }
}
