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
    if (a.has(Family.GEN_AI_REQUEST)) {
      int prefix = Family.GEN_AI_REQUEST.prefix.length();
      for (int i = 0, n = a.size(); i < n; i++) {
        if (!a.in(i, Family.GEN_AI_REQUEST)) continue;
        String name = name(a.key(i), prefix);
        if (name != null) params.put(name, a.value(i));
      }
    }
    for (String[] pair : OPENLLMETRY) {
      Object v = a.get(pair[0]);
      if (v != null) params.putIfAbsent(pair[1], v);
    }
    addJson(params, a.get("llm.invocation_parameters"));
    addJson(params, a.get("langfuse.observation.model.parameters"));
    return params;
  }

  /** The parameter's name, null for a skipped one; the usual ones as constants, without a substring to hash. */
  private static String name(String key, int prefix) {
    return switch (key) {
      case "gen_ai.request.model" -> null;
      case "gen_ai.request.temperature" -> "temperature";
      case "gen_ai.request.max_tokens" -> "max_tokens";
      case "gen_ai.request.top_p" -> "top_p";
      case "gen_ai.request.top_k" -> "top_k";
      case "gen_ai.request.seed" -> "seed";
      case "gen_ai.request.stream" -> "stream";
      case "gen_ai.request.stop_sequences" -> "stop_sequences";
      case "gen_ai.request.frequency_penalty" -> "frequency_penalty";
      case "gen_ai.request.presence_penalty" -> "presence_penalty";
      default -> {
        String name = key.substring(prefix);
        yield SKIP.contains(name) ? null : name;
      }
    };
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
