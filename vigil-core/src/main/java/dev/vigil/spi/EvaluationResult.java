package dev.vigil.spi;

/**
 * What a custom evaluator concluded: a check (pass or fail), a number, a category, or nothing to
 * judge. {@code explanation} says why, in words a person reviewing the trace can act on.
 */
public record EvaluationResult(Kind kind, Double value, String label, String explanation) {

  /** The shape of the result, which becomes the score's data type. */
  public enum Kind { CHECK, NUMBER, CATEGORY, NOT_APPLICABLE }

  public EvaluationResult {
    if (kind == null) throw new IllegalArgumentException("kind is required");
    if (kind == Kind.NUMBER && (value == null || !Double.isFinite(value))) {
      throw new IllegalArgumentException("a NUMBER result needs a finite value");
    }
    if (kind == Kind.CATEGORY && (label == null || label.isBlank())) {
      throw new IllegalArgumentException("a CATEGORY result needs a label");
    }
  }

  public static EvaluationResult pass(String explanation) {
    return new EvaluationResult(Kind.CHECK, 1.0, "pass", explanation);
  }

  public static EvaluationResult fail(String explanation) {
    return new EvaluationResult(Kind.CHECK, 0.0, "fail", explanation);
  }

  public static EvaluationResult number(double value, String explanation) {
    return new EvaluationResult(Kind.NUMBER, value, null, explanation);
  }

  public static EvaluationResult category(String label, String explanation) {
    return new EvaluationResult(Kind.CATEGORY, null, label, explanation);
  }

  public static EvaluationResult notApplicable() {
    return new EvaluationResult(Kind.NOT_APPLICABLE, null, null, null);
  }
}
