package dev.vigil.server.ingest.otlp;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Normalized output as a JSON tree (record fields only, sorted keys) and a path-by-path diff of two trees. */
final class GoldenJson {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private GoldenJson() {}

  /** Through text, so numbers get the same node types as in a parsed expected file (IntNode, not LongNode). */
  static JsonNode tree(Object value) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsBytes(value));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One line per difference, e.g. "spans[1].llm.usage.input: expected 52, got 64"; empty when equal. */
  static List<String> diff(JsonNode expected, JsonNode actual) {
    List<String> out = new java.util.ArrayList<>();
    diff("$", expected, actual, out);
    return out;
  }

  private static void diff(String path, JsonNode e, JsonNode a, List<String> out) {
    if (e.equals(a)) return;
    if (e.isObject() && a.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      e.fieldNames().forEachRemaining(names::add);
      a.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode ev = e.get(name);
        JsonNode av = a.get(name);
        if (ev == null) out.add(path + "." + name + ": unexpected " + av);
        else if (av == null) out.add(path + "." + name + ": missing, expected " + ev);
        else diff(path + "." + name, ev, av, out);
      }
    } else if (e.isArray() && a.isArray()) {
      Iterator<JsonNode> ei = e.elements();
      Iterator<JsonNode> ai = a.elements();
      int i = 0;
      while (ei.hasNext() || ai.hasNext()) {
        String p = path + "[" + i++ + "]";
        if (!ei.hasNext()) out.add(p + ": unexpected " + ai.next());
        else if (!ai.hasNext()) out.add(p + ": missing, expected " + ei.next());
        else diff(p, ei.next(), ai.next(), out);
      }
    } else {
      out.add(path + ": expected " + e + ", got " + a);
    }
  }
}
