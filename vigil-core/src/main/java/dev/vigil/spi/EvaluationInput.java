package dev.vigil.spi;

import java.util.List;

/**
 * What a custom evaluator judges: one LLM call, or one trace, as its scorecard's {@code target}
 * says. {@code question} is the last user message (else the input), {@code answer} the output text,
 * {@code documents} the retrieved documents recorded on the judged span. {@code costUsd} is null when
 * the model is unpriced; token counts are null when not reported.
 */
public record EvaluationInput(
    String traceId,
    String spanId,
    String feature,
    String model,
    String question,
    String answer,
    List<String> documents,
    double latencyMs,
    Double costUsd,
    Long inputTokens,
    Long outputTokens,
    boolean error) {

  public EvaluationInput {
    question = question == null ? "" : question;
    answer = answer == null ? "" : answer;
    documents = documents == null ? List.of() : List.copyOf(documents);
  }
}
