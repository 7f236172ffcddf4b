package dev.vigil.server.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from one JSON object of an item. Every problem throws {@link InvalidItem} naming the
 * field's full path. JSON null is the same as an absent field, and so is "" for short strings.
 */
final class Fields {
  private final ObjectNode node;
  private final String path;

  Fields(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  String path(String name) {
    return path + "." + name;
  }

  JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  InvalidItem error(String name, String message) {
    return new InvalidItem(path(name) + ": " + message);
  }

  InvalidItem expected(String name, String what, JsonNode got) {
    return error(name, "expected " + what + ", got " + Json.describe(got));
  }

  <T> T required(String name, T value) {
    if (value == null) throw error(name, "required");
    return value;
  }

  /** A short string (names, ids, labels); "" counts as absent. */
  String text(String name, int maxChars) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!v.isTextual()) throw expected(name, "a string", v);
    String s = v.textValue();
    if (s.isEmpty()) return null;
    if (!Limits.withinChars(s, maxChars)) throw error(name, "longer than " + maxChars + " characters");
    return s;
  }

  String requiredText(String name, int maxChars) {
    return required(name, text(name, maxChars));
  }

  /** Free text (message content, comments), kept exactly as sent, "" included. */
  String longText(String name) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!v.isTextual()) throw expected(name, "a string", v);
    return checkBytes(name, v.textValue());
  }

  /** A string as sent, or any other JSON value as its compact JSON text (inputs, tool arguments). */
  String textOrJson(String name) {
    JsonNode v = get(name);
    return v == null ? null : checkBytes(name, Json.text(v));
  }

  /** An object's compact JSON text. */
  String objectJson(String name) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!v.isObject()) throw expected(name, "an object", v);
    return checkBytes(name, v.toString());
  }

  private String checkBytes(String name, String s) {
    if (!Limits.withinBytes(s, Limits.MAX_TEXT_BYTES)) {
      throw error(name, "larger than " + Limits.MAX_TEXT_BYTES + " bytes");
    }
    return s;
  }

  Long nonNegativeLong(String name) {
    JsonNode v = get(name);
    if (v == null) return null;
    Long n = Json.exactLong(v);
    if (n == null || n < 0) throw expected(name, "a non-negative integer", v);
    return n;
  }

  Double number(String name) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!v.isNumber()) throw expected(name, "a number", v);
    return v.doubleValue();
  }

  Double nonNegativeNumber(String name) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!v.isNumber() || v.doubleValue() < 0) throw expected(name, "a non-negative number", v);
    return v.doubleValue();
  }

  Boolean bool(String name) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!v.isBoolean()) throw expected(name, "true or false", v);
    return v.booleanValue();
  }

  <E extends Enum<E>> E choice(String name, Choice<E> choice) {
    String s = text(name, Limits.MAX_SHORT_CHARS);
    if (s == null) return null;
    E e = choice.find(s);
    if (e == null) {
      throw error(name, "unknown value " + Json.describe(TextNode.valueOf(s)) + "; expected one of " + choice.expected());
    }
    return e;
  }

  Fields object(String name) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!(v instanceof ObjectNode o)) throw expected(name, "an object", v);
    return new Fields(o, path(name));
  }

  /** An array of objects; absent means empty. */
  List<Fields> objects(String name, int maxEntries) {
    JsonNode v = array(name, maxEntries);
    if (v == null) return List.of();
    List<Fields> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      String at = name + "[" + i + "]";
      if (!(v.get(i) instanceof ObjectNode o)) throw expected(at, "an object", v.get(i));
      out.add(new Fields(o, path(at)));
    }
    return out;
  }

  /** Non-empty short strings, duplicates dropped, order kept (tags). */
  List<String> strings(String name, int maxEntries) {
    JsonNode v = array(name, maxEntries);
    if (v == null) return List.of();
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < v.size(); i++) {
      String at = name + "[" + i + "]";
      JsonNode e = v.get(i);
      if (!e.isTextual() || e.textValue().isEmpty()) throw expected(at, "a non-empty string", e);
      if (!Limits.withinChars(e.textValue(), Limits.MAX_SHORT_CHARS)) {
        throw error(at, "longer than " + Limits.MAX_SHORT_CHARS + " characters");
      }
      out.add(e.textValue());
    }
    return List.copyOf(out);
  }

  private JsonNode array(String name, int maxEntries) {
    JsonNode v = get(name);
    if (v == null) return null;
    if (!v.isArray()) throw expected(name, "an array", v);
    if (v.size() > maxEntries) throw error(name, "more than " + maxEntries + " entries");
    return v;
  }

  /** String values kept; other values as compact JSON text, so {"n": 3} reads back as "3". */
  Map<String, String> stringMap(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    forEachEntry(name, (key, v) -> out.put(key, checkBytes(name + "." + key, Json.text(v))));
    return out;
  }

  /** Typed values as span attributes hold them (see {@link Json#value}). */
  Map<String, Object> valueMap(String name) {
    Map<String, Object> out = new LinkedHashMap<>();
    forEachEntry(name, (key, v) -> out.put(key, Json.value(v, path(name) + "." + key)));
    return Collections.unmodifiableMap(out);
  }

  private void forEachEntry(String name, java.util.function.BiConsumer<String, JsonNode> action) {
    JsonNode v = get(name);
    if (v == null) return;
    if (!v.isObject()) throw expected(name, "an object", v);
    if (v.size() > Limits.MAX_MAP_ENTRIES) throw error(name, "more than " + Limits.MAX_MAP_ENTRIES + " entries");
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String key = e.getKey();
      if (key.isEmpty()) throw error(name, "empty key");
      if (!Limits.withinChars(key, Limits.MAX_SHORT_CHARS)) {
        throw error(name, "key longer than " + Limits.MAX_SHORT_CHARS + " characters");
      }
      if (!e.getValue().isNull()) action.accept(key, e.getValue());
    }
  }
}
