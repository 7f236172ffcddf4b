package dev.vigil.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Raw attribute maps as OTLP carries them. Values are String, Long, Double, Boolean, List of those,
 * or Map (an OTLP kvlist); bytes arrive as base64 text. Order is kept so detail views read as sent.
 */
public final class Attributes {
  private Attributes() {}

  /**
   * An immutable, insertion-ordered copy without null keys or values. Copying an already copied map
   * returns it as is: every span of a resource shares one resource map instead of a copy each.
   */
  @SuppressWarnings("unchecked") // both immutable kinds are Map<String, Object>
  public static Map<String, Object> copyOf(Map<String, ?> source) {
    if (source == null || source.isEmpty()) return Map.of();
    if (source instanceof Frozen || source instanceof CompactAttributes) return (Map<String, Object>) source;
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, source.size() * 4 / 3 + 1));
    source.forEach((k, v) -> {
      if (k != null && v != null) copy.put(k, v);
    });
    return new Frozen(Collections.unmodifiableMap(copy));
  }

  /**
   * The first {@code size} entries of two parallel arrays as an immutable map, in that order, entries
   * with a null key or value left out: for callers that already hold distinct keys (a decoder, a
   * normalizer), so nothing is hashed twice. The arrays are copied; {@link #copyOf} returns the result
   * as is.
   */
  public static Map<String, Object> ofDistinct(String[] keys, Object[] values, int size) {
    int n = 0;
    for (int i = 0; i < size; i++) if (keys[i] != null && values[i] != null) n++;
    if (n == 0) return Map.of();
    if (n > CompactAttributes.MAX_SIZE) {
      LinkedHashMap<String, Object> map = new LinkedHashMap<>(n * 4 / 3 + 1);
      for (int i = 0; i < size; i++) if (keys[i] != null && values[i] != null) map.put(keys[i], values[i]);
      return new Frozen(Collections.unmodifiableMap(map));
    }
    String[] k = new String[n];
    Object[] v = new Object[n];
    for (int i = 0, j = 0; i < size; i++) {
      if (keys[i] != null && values[i] != null) {
        k[j] = keys[i];
        v[j++] = values[i];
      }
    }
    return new CompactAttributes(k, v);
  }

  public static String string(Map<String, Object> attributes, String key) {
    Object v = attributes.get(key);
    return v == null ? null : v instanceof List<?> || v instanceof Map<?, ?> ? null : v.toString();
  }

  /** The result of {@link #copyOf}: recognizably immutable, so it is never copied twice. */
  private static final class Frozen extends AbstractMap<String, Object> {
    private final Map<String, Object> map;

    Frozen(Map<String, Object> map) {
      this.map = map;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return map.entrySet();
    }

    @Override
    public Object get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
      map.forEach(action);
    }
  }
}
