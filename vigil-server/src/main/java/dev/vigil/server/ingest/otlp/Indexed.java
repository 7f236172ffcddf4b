package dev.vigil.server.ingest.otlp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattened lists ("llm.input_messages.3.message.role") regrouped by index, numerically, so that
 * item 10 comes after 9. Each item maps the rest of the key ("message.role") to its value.
 */
final class Indexed {
  private Indexed() {}

  /** The span's keys of one indexed family. */
  static TreeMap<Integer, Map<String, Object>> group(SpanAttributes a, Family family) {
    TreeMap<Integer, Map<String, Object>> items = new TreeMap<>();
    if (!a.has(family)) return items;
    for (int i = 0, n = a.size(); i < n; i++) {
      if (a.in(i, family)) add(items, a.key(i), a.value(i), family.prefix);
    }
    return items;
  }

  /** Nested lists inside one item ("message.tool_calls.0.tool_call.id" under prefix "message.tool_calls."). */
  static TreeMap<Integer, Map<String, Object>> group(Map<String, Object> item, String prefix) {
    TreeMap<Integer, Map<String, Object>> items = new TreeMap<>();
    for (Map.Entry<String, Object> e : item.entrySet()) {
      if (e.getKey().startsWith(prefix)) add(items, e.getKey(), e.getValue(), prefix);
    }
    return items;
  }

  private static void add(TreeMap<Integer, Map<String, Object>> items, String key, Object value, String prefix) {
    int start = prefix.length();
    int i = start;
    int index = 0;
    while (i < key.length() && i - start < 9 && Character.isDigit(key.charAt(i))) {
      index = index * 10 + (key.charAt(i) - '0');
      i++;
    }
    if (i == start || i + 1 >= key.length() || key.charAt(i) != '.') return;
    if (value != null) items.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(key.substring(i + 1), value);
  }
}
