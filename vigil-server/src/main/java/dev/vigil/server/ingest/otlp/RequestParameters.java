package dev.vigil.server.ingest.otlp;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Request parameters (temperature, max_tokens, top_p, …) as one map: OTel gen_ai.request.* keys
 * without the prefix, then OpenLLMetry's llm.* extras, OpenInference's llm.invocation_parameters and
 * Langfuse's model.parameters (JSON objects). Earlier sources win.
 */
final class RequestParameters {
  /** Not parameters (the model has its own field) or content that must not leak into them. */
  private static final Set<String> SKIP = Set.of("model", "messages", "prompt", "input", "system", "contents");
  private static final String[][] OPENLLMETRY = {
      {"llm.top_k", "top_k"}, {"llm.frequency_penalty", "frequency_penalty"},
      {"llm.presence_penalty", "presence_penalty"}, {"llm.chat.stop_sequences", "stop_sequences"}};

  private RequestParameters() {}

  static Map<String, Object> of(SpanAttributes a) {
    Map<String, Object> params = new HashMap<>();
    int prefix = Family.GEN_AI_REQUEST.prefix.length();
    for (String key : a.keys(Family.GEN_AI_REQUEST)) {
      String name = key.substring(prefix);
      if (!SKIP.contains(name)) params.put(name, a.get(key));
    }
    for (String[] pair : OPENLLMETRY) {
      Object v = a.get(pair[0]);
      if (v != null) params.putIfAbsent(pair[1], v);
    }
    addJson(params, a.get("llm.invocation_parameters"));
    addJson(params, a.get("langfuse.observation.model.parameters"));
    return params;
  }

  private static void addJson(Map<String, Object> params, Object json) {
    Map<?, ?> map = Json.parseMap(json);
    if (map == null) return;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() == null || !(e.getKey() instanceof String key) || SKIP.contains(key)) continue;
      params.putIfAbsent(key, e.getValue());
    }
  }
}
