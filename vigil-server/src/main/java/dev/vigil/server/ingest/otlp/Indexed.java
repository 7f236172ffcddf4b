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

  static TreeMap<Integer, Map<String, Object>> group(Iterable<String> keys, Map<String, ?> values, String prefix) {
    TreeMap<Integer, Map<String, Object>> items = new TreeMap<>();
    int start = prefix.length();
    for (String key : keys) {
      if (!key.startsWith(prefix)) continue;
      int i = start;
      int index = 0;
      while (i < key.length() && i - start < 9 && Character.isDigit(key.charAt(i))) {
        index = index * 10 + (key.charAt(i) - '0');
        i++;
      }
      if (i == start || i + 1 >= key.length() || key.charAt(i) != '.') continue;
      Object value = values.get(key);
      if (value != null) items.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(key.substring(i + 1), value);
    }
    return items;
  }

  /** Nested lists inside one item ("message.tool_calls.0.tool_call.id" under prefix "message.tool_calls."). */
  static TreeMap<Integer, Map<String, Object>> group(Map<String, Object> item, String prefix) {
    return group(item.keySet(), item, prefix);
  }
}
