package dev.vigil.server.ingest.otlp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One span's attributes, converted once and looked up by key, with its resource's attributes as the
 * fallback, and the keys of each flattened {@link Family} collected in the same pass.
 */
final class SpanAttributes {
  /** Single content attributes (as opposed to flattened families): not kept as raw attributes. */
  static final Set<String> CONTENT_KEYS = Set.of(
      "gen_ai.system_instructions", "gen_ai.input.messages", "gen_ai.output.messages",
      "gen_ai.prompt", "gen_ai.completion", "llm.prompts",
      "input.value", "output.value", "traceloop.entity.input", "traceloop.entity.output",
      "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "tool.parameters",
      "gen_ai.retrieval.documents", "gen_ai.retrieval.query.text", "reranker.query",
      "langfuse.observation.input", "langfuse.observation.output", "langfuse.trace.input", "langfuse.trace.output");

  private final Map<String, Object> all;
  private final Map<String, Object> resource;
  /** Null until a key of some family shows up: most spans have none. */
  private EnumMap<Family, List<String>> families;
  private boolean hasContent;

  SpanAttributes(Map<String, Object> all, Map<String, Object> resource) {
    this.all = all;
    this.resource = resource;
    for (String key : all.keySet()) {
      Family f = Family.of(key);
      if (f != null) {
        if (families == null) families = new EnumMap<>(Family.class);
        families.computeIfAbsent(f, k -> new ArrayList<>()).add(key);
        hasContent |= f.content;
      } else if (!hasContent && CONTENT_KEYS.contains(key)) {
        hasContent = true;
      }
    }
  }

  Map<String, Object> all() {
    return all;
  }

  Map<String, Object> resource() {
    return resource;
  }

  Object get(String key) {
    return all.get(key);
  }

  /** Non-blank text of the first of {@code keys} the span has. */
  String text(String... keys) {
    for (String key : keys) {
      String s = AnyValues.text(all.get(key));
      if (s != null) return s;
    }
    return null;
  }

  /** Like {@link #text}, then the same keys on the resource: span attributes win. */
  String textOrResource(String... keys) {
    String s = text(keys);
    if (s != null) return s;
    for (String key : keys) {
      s = AnyValues.text(resource.get(key));
      if (s != null) return s;
    }
    return null;
  }

  Long longValue(String... keys) {
    for (String key : keys) {
      Long v = AnyValues.toLong(all.get(key));
      if (v != null) return v;
    }
    return null;
  }

  Double doubleValue(String key) {
    return AnyValues.toDouble(all.get(key));
  }

  /** Keys of one family, in the order sent; empty when the span has none. */
  List<String> keys(Family family) {
    List<String> keys = families == null ? null : families.get(family);
    return keys == null ? List.of() : keys;
  }

  /** Every attribute except content, which is stored once, as messages, values or documents. */
  Map<String, Object> raw() {
    if (!hasContent) return all;
    Map<String, Object> raw = new LinkedHashMap<>(all.size() * 4 / 3 + 1);
    for (Map.Entry<String, Object> e : all.entrySet()) {
      String key = e.getKey();
      if (CONTENT_KEYS.contains(key)) continue;
      Family f = Family.of(key);
      if (f != null && f.content) continue;
      raw.put(key, e.getValue());
    }
    return raw;
  }
}
