package dev.vigil.model;

import java.util.Locale;

/** What masking does to detected PII: nothing, replace with a type marker, or a keyed hash. */
public enum PiiMode {
  OFF, MASK, HASH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PiiMode fromWireName(String name) {
    for (PiiMode m : values()) if (m.wireName().equalsIgnoreCase(name)) return m;
    throw new IllegalArgumentException("unknown PII mode '" + name + "'; expected off, mask or hash");
  }
}
