package dev.vigil.storage;

import java.util.Arrays;
import java.util.Locale;

/** Numeric span fields a {@link SampleStore} samples; latency and time to first token in ms, cost in USD. */
public enum SampleField {
  INPUT_TOKENS, OUTPUT_TOKENS, INPUT_CHARS, OUTPUT_CHARS, LATENCY_MS, TTFT_MS, COST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SampleField fromWireName(String name) {
    for (SampleField f : values()) if (f.wireName().equals(name)) return f;
    throw new IllegalArgumentException("unknown field '" + name + "'; expected one of "
        + Arrays.stream(values()).map(SampleField::wireName).toList());
  }
}
