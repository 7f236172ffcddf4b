package dev.vigil.server.scoring.eval;

import dev.vigil.model.ScoreDataType;
import java.util.List;

/**
 * What values a metric's scores take, so a person can label the same thing on the same scale:
 * BOOLEAN pass/fail, NUMERIC whole numbers from {@code min} to {@code max} (an ordinal scale such as
 * a judge's 1–5), or CATEGORICAL {@code labels}.
 */
public record Scale(ScoreDataType type, double min, double max, List<String> labels) {
  public static final Scale PASS_FAIL = new Scale(ScoreDataType.BOOLEAN, 0, 1, List.of("fail", "pass"));

  public Scale {
    labels = labels == null ? List.of() : List.copyOf(labels);
    if (type == ScoreDataType.NUMERIC && (min != Math.rint(min) || max != Math.rint(max) || max <= min || max - min > 100)) {
      throw new IllegalArgumentException("a numeric scale runs between two whole numbers at most 100 apart, got " + min + ".." + max);
    }
    if (type == ScoreDataType.CATEGORICAL && labels.size() < 2) throw new IllegalArgumentException("a categorical scale needs two or more labels");
  }

  public static Scale numeric(int min, int max) {
    return new Scale(ScoreDataType.NUMERIC, min, max, List.of());
  }

  public static Scale categorical(List<String> labels) {
    return new Scale(ScoreDataType.CATEGORICAL, 0, 0, labels);
  }
}
