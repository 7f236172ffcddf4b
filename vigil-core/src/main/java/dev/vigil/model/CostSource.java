package dev.vigil.model;

import java.util.Locale;

/** Where a call's cost came from. UNPRICED means the model was not found: the cost is unknown, not 0. */
public enum CostSource {
  TABLE, OVERRIDE, REPORTED, UNPRICED, NONE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
