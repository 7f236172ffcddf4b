package dev.vigil.server.review;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.server.scoring.eval.Scale;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a scorecard's rubric: the metric a person labels, on its evaluator's scale. Its
 * {@link #categories()} are what agreement and kappa compare: fail/pass, the labels, or each whole
 * number of a numeric scale (an ordinal scale, so kappa is weighted there).
 */
public record RubricField(String metric, String evaluator, Scale scale) {

  public ScoreDataType type() {
    return scale.type();
  }

  public boolean ordinal() {
    return scale.type() == ScoreDataType.NUMERIC;
  }

  public List<String> categories() {
    if (scale.type() != ScoreDataType.NUMERIC) return scale.labels();
    List<String> out = new ArrayList<>();
    for (long v = (long) scale.min(); v <= (long) scale.max(); v++) out.add(Long.toString(v));
    return out;
  }

  /**
   * The category of a score on this scale: a numeric score is rounded to the nearest whole number
   * (a judge may average), a boolean one is fail below 0.5. -1 when it does not fit the scale.
   */
  public int category(Score s) {
    return switch (scale.type()) {
      case BOOLEAN -> s.value() == null ? -1 : s.value() >= 0.5 ? 1 : 0;
      case CATEGORICAL -> s.label() == null ? -1 : scale.labels().indexOf(s.label());
      case NUMERIC -> {
        if (s.value() == null || s.value().isNaN()) yield -1;
        long v = Math.round(s.value());
        yield v < scale.min() || v > scale.max() ? -1 : (int) (v - (long) scale.min());
      }
    };
  }

  /** The number a rank correlation uses; null for nominal labels, which have no order. */
  public Double number(Score s) {
    return scale.type() == ScoreDataType.CATEGORICAL ? null : s.value();
  }
}
