package dev.vigil.storage;

import java.util.Arrays;
import java.util.Locale;

/**
 * Dimensions spans can be filtered and grouped by; wire names are what the API accepts. STATUS is
 * {@code error} or {@code ok}.
 */
public enum Dimension {
  FEATURE, SERVICE, MODEL, PROVIDER, TYPE, USER, SESSION, PROMPT_NAME, PROMPT_VERSION,
  ENVIRONMENT, RELEASE, FINISH_REASON, STATUS, NAME;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Dimension fromWireName(String name) {
    for (Dimension d : values()) if (d.wireName().equals(name)) return d;
    throw new IllegalArgumentException("unknown dimension '" + name + "'; expected one of "
        + Arrays.stream(values()).map(Dimension::wireName).toList());
  }
}
