package dev.vigil.server.watch.variant;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way a metric is better: decides whether a significant difference favours a or b. */
public enum Direction {
  LOWER_IS_BETTER, HIGHER_IS_BETTER;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  Outcome judge(double a, double b, double pValue) {
    if (!(pValue < Comparison.ALPHA) || a == b) return Outcome.NO_SIGNIFICANT_DIFFERENCE;
    boolean bHigher = b > a;
    return bHigher == (this == HIGHER_IS_BETTER) ? Outcome.B_BETTER : Outcome.A_BETTER;
  }
}
