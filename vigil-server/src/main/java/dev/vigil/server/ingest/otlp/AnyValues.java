package dev.vigil.server.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OTLP AnyValue to plain Java (String, Long, Double, Boolean, List, Map; bytes as base64), and the
 * lenient coercions dialects need: clients send integers as int, double or numeric string, and
 * booleans as strings.
 */
final class AnyValues {
  private AnyValues() {}

  static Object toJava(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case ARRAY_VALUE -> list(v.getArrayValue().getValuesList());
      case KVLIST_VALUE -> map(v.getKvlistValue().getValuesList());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
      default -> null; // not set, or a profiles-only string-table index
    };
  }

  /** Insertion-ordered; unset values are left out, a repeated key keeps its last value. */
  static Map<String, Object> map(List<KeyValue> keyValues) {
    if (keyValues.isEmpty()) return new LinkedHashMap<>(4);
    LinkedHashMap<String, Object> map = new LinkedHashMap<>(keyValues.size() * 4 / 3 + 1);
    for (int i = 0, n = keyValues.size(); i < n; i++) {
      KeyValue kv = keyValues.get(i);
      Object value = toJava(kv.getValue());
      if (value != null) map.put(kv.getKey(), value);
    }
    return map;
  }

  private static List<Object> list(List<AnyValue> values) {
    List<Object> list = new ArrayList<>(values.size());
    for (AnyValue v : values) {
      Object o = toJava(v);
      if (o != null) list.add(o);
    }
    return list;
  }

  /** Text of a scalar; structured values as JSON. */
  static String string(Object v) {
    if (v == null || v instanceof String) return (String) v;
    if (v instanceof Map<?, ?> || v instanceof List<?>) return Json.write(v);
    return v.toString();
  }

  /** Non-blank text, else null. */
  static String text(Object v) {
    String s = string(v);
    return s == null || s.isBlank() ? null : s;
  }

  static String lower(Object v) {
    String s = text(v);
    return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  /** Integers as sent by any client: Long, Double (rounded) or a numeric string. */
  static Long toLong(Object v) {
    if (v instanceof Long l) return l;
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? Math.round(d) : null;
    }
    if (v instanceof String s && !s.isBlank()) {
      String t = s.trim();
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException notLong) {
        try {
          double d = Double.parseDouble(t);
          return Double.isFinite(d) ? Math.round(d) : null;
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  static Double toDouble(Object v) {
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof String s && !s.isBlank()) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static Boolean toBoolean(Object v) {
    if (v instanceof Boolean b) return b;
    if (v instanceof String s) {
      if (s.equalsIgnoreCase("true")) return Boolean.TRUE;
      if (s.equalsIgnoreCase("false")) return Boolean.FALSE;
    }
    return null;
  }

  /** A string array, a JSON array in a string, or one plain string. */
  static List<String> stringList(Object v) {
    List<?> list = Json.parseList(v);
    if (list == null) {
      String s = text(v);
      return s == null ? List.of() : List.of(s);
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      String s = text(o);
      if (s != null) out.add(s);
    }
    return out;
  }
}
