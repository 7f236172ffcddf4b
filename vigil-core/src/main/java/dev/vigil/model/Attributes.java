package dev.vigil.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw attribute maps as OTLP carries them. Values are String, Long, Double, Boolean, List of those,
 * or Map (an OTLP kvlist); bytes arrive as base64 text. Order is kept so detail views read as sent.
 */
public final class Attributes {
  private Attributes() {}

  public static Map<String, Object> copyOf(Map<String, ?> source) {
    if (source == null || source.isEmpty()) return Map.of();
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, source.size() * 4 / 3 + 1));
    source.forEach((k, v) -> {
      if (k != null && v != null) copy.put(k, v);
    });
    return Collections.unmodifiableMap(copy);
  }

  public static String string(Map<String, Object> attributes, String key) {
    Object v = attributes.get(key);
    return v == null ? null : v instanceof List<?> || v instanceof Map<?, ?> ? null : v.toString();
  }
}
