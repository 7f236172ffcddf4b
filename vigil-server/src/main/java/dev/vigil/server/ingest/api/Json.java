package dev.vigil.server.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions from JSON trees to the shapes the model keeps, and short descriptions for messages. */
final class Json {
  private static final int DESCRIBE_CHARS = 40;

  private Json() {}

  /** How a value is quoted in an error: strings abbreviated, containers by kind only. */
  static String describe(JsonNode v) {
    if (v == null || v.isNull()) return "null";
    if (v.isTextual()) {
      String s = v.textValue();
      return new TextNode(s.length() <= DESCRIBE_CHARS ? s : s.substring(0, DESCRIBE_CHARS) + "…").toString();
    }
    if (v.isObject()) return "an object";
    if (v.isArray()) return "an array";
    return v.toString();
  }

  /** An integral number (10 or 10.0) that fits a long, else null. */
  static Long exactLong(JsonNode v) {
    if (v == null || !v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) return null;
    return v.longValue();
  }

  /** A string as sent; any other value as compact JSON text. */
  static String text(JsonNode v) {
    return v.isTextual() ? v.textValue() : v.toString();
  }

  /**
   * A value as {@link dev.vigil.model.Attributes} holds it: String, Long, Double, Boolean, List, Map.
   * Nulls are dropped at every level, as OTLP cannot carry them either.
   */
  static Object value(JsonNode v, String path) {
    if (v.isTextual()) {
      if (!Limits.withinBytes(v.textValue(), Limits.MAX_TEXT_BYTES)) {
        throw new InvalidItem(path + ": larger than " + Limits.MAX_TEXT_BYTES + " bytes");
      }
      return v.textValue();
    }
    if (v.isBoolean()) return v.booleanValue();
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) throw new InvalidItem(path + ": integer out of range, got " + describe(v));
      return v.longValue();
    }
    if (v.isNumber()) return v.doubleValue();
    if (v.isArray()) {
      List<Object> list = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        if (!e.isNull()) list.add(value(e, path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(list);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isNull()) map.put(e.getKey(), value(e.getValue(), path + "." + e.getKey()));
    }
    return Collections.unmodifiableMap(map);
  }
}
