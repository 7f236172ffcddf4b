package dev.vigil.server.watch.variant;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verdict of comparing variant a with variant b on one metric, at 95 %. */
public enum Outcome {
  A_BETTER, B_BETTER, NO_SIGNIFICANT_DIFFERENCE, INSUFFICIENT_DATA;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
