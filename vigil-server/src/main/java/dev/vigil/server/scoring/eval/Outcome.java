package dev.vigil.server.scoring.eval;

import dev.vigil.model.ScoreDataType;

/**
 * What an evaluator concluded. Checks are BOOLEAN with value 1 ("pass") when the subject passes and
 * 0 ("fail") when it does not; CATEGORICAL results carry a label. The explanation says why, in words
 * a person reviewing the trace can act on.
 */
public record Outcome(ScoreDataType dataType, Double value, String label, String explanation) {
  public static final Outcome NOT_APPLICABLE = new Outcome(null, null, null, null);

  public static Outcome pass(String explanation) {
    return new Outcome(ScoreDataType.BOOLEAN, 1.0, "pass", explanation);
  }

  public static Outcome fail(String explanation) {
    return new Outcome(ScoreDataType.BOOLEAN, 0.0, "fail", explanation);
  }

  public static Outcome check(boolean passed, String explanation) {
    return passed ? pass(explanation) : fail(explanation);
  }

  public static Outcome category(String label, String explanation) {
    return new Outcome(ScoreDataType.CATEGORICAL, null, label, explanation);
  }

  public boolean applicable() {
    return dataType != null;
  }

  public boolean passed() {
    return value != null && value == 1.0;
  }
}
