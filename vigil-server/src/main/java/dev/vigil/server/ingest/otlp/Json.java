package dev.vigil.server.ingest.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * JSON text inside attribute values (message lists, invocation parameters, metadata). Numbers come
 * back as Long/Double, like OTLP's AnyValue, so both sources look alike downstream.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private Json() {}

  /** The parsed object or array when {@code s} holds one; null for plain text or broken JSON. */
  static Object parseStructure(String s) {
    if (s == null) return null;
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    if (i == s.length() || (s.charAt(i) != '{' && s.charAt(i) != '[')) return null; // skip the exception cost
    Object fast = JsonText.parse(s);
    if (fast != JsonText.UNSURE) return fast;
    try {
      return MAPPER.readValue(s, Object.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static List<?> parseList(Object value) {
    if (value instanceof List<?> list) return list;
    return value instanceof String s && parseStructure(s) instanceof List<?> list ? list : null;
  }

  static Map<?, ?> parseMap(Object value) {
    if (value instanceof Map<?, ?> map) return map;
    return value instanceof String s && parseStructure(s) instanceof Map<?, ?> map ? map : null;
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
