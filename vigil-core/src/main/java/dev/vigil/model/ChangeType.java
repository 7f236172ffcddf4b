package dev.vigil.model;

import java.util.Locale;

/** Kinds of change that can explain a regression. */
public enum ChangeType {
  DEPLOYMENT, PROMPT_VERSION, MODEL_VERSION, CONFIG, OTHER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ChangeType fromWireName(String name) {
    for (ChangeType t : values()) if (t.wireName().equals(name)) return t;
    throw new IllegalArgumentException("unknown change type '" + name + "'; expected one of "
        + java.util.Arrays.stream(values()).map(ChangeType::wireName).toList());
  }
}
