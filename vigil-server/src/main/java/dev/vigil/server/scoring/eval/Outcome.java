package dev.vigil.server.scoring.eval;

import dev.vigil.model.ScoreDataType;
import java.util.Map;

/**
 * What an evaluator concluded. Checks are BOOLEAN with value 1 ("pass") when the subject passes and
 * 0 ("fail") when it does not; CATEGORICAL results carry a label; NUMERIC ones a value. The
 * explanation says why, in words a person reviewing the trace can act on. {@code metadata} is added
 * to the score's metadata (e.g. which judge decided and what it cost).
 */
public record Outcome(ScoreDataType dataType, Double value, String label, String explanation, Map<String, String> metadata) {
  public static final Outcome NOT_APPLICABLE = new Outcome(null, null, null, null);

  public Outcome {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public Outcome(ScoreDataType dataType, Double value, String label, String explanation) {
    this(dataType, value, label, explanation, Map.of());
  }

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

  public static Outcome number(double value, String explanation) {
    return new Outcome(ScoreDataType.NUMERIC, value, null, explanation);
  }

  public Outcome withMetadata(Map<String, String> more) {
    return new Outcome(dataType, value, label, explanation, more);
  }

  public boolean applicable() {
    return dataType != null;
  }

  public boolean passed() {
    return value != null && value == 1.0;
  }
}
