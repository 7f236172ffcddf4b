package dev.vigil.server.ingest.otlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Who and what a span belongs to: user, session, tags, metadata, prompt, environment, release, feature. */
final class ContextMapper {
  private static final String ASSOCIATION = Family.TRACELOOP_ASSOCIATION.prefix;

  private ContextMapper() {}

  /** The fields descendants inherit; each may be null. */
  static Inherited inherited(SpanAttributes a, String featureAttribute) {
    String promptName = a.text("gen_ai.prompt.name", "traceloop.prompt.key", "langfuse.observation.prompt.name");
    String promptVersion = a.text("gen_ai.prompt.version", "llm.prompt_template.version", "traceloop.prompt.version",
        "langfuse.observation.prompt.version");
    return new Inherited(
        a.textOrResource("user.id", "enduser.id", "langfuse.user.id", ASSOCIATION + "user_id", "llm.user"),
        a.textOrResource("session.id", "gen_ai.conversation.id", "langfuse.session.id", ASSOCIATION + "session_id"),
        a.textOrResource(featureAttribute),
        promptName,
        promptVersion,
        a.textOrResource("deployment.environment.name", "deployment.environment", "langfuse.environment"));
  }

  static String serviceName(SpanAttributes a) {
    return AnyValues.text(a.resource().get("service.name"));
  }

  static String release(SpanAttributes a) {
    String release = a.text("langfuse.release", "service.version");
    return release != null ? release : AnyValues.text(a.resource().get("service.version"));
  }

  /** tag.tags and langfuse.trace.tags, each a string list or a JSON array in a string. */
  static List<String> tags(SpanAttributes a) {
    Object oi = a.get("tag.tags");
    Object langfuse = a.get("langfuse.trace.tags");
    if (oi == null && langfuse == null) return List.of();
    LinkedHashSet<String> tags = new LinkedHashSet<>(AnyValues.stringList(oi));
    tags.addAll(AnyValues.stringList(langfuse));
    return new ArrayList<>(tags);
  }

  /** OpenInference metadata (a JSON object), Langfuse metadata keys and OpenLLMetry association properties. */
  static Map<String, String> metadata(SpanAttributes a) {
    Map<String, String> out = new HashMap<>();
    putAll(out, Json.parseMap(a.get("metadata")));
    putAll(out, Json.parseMap(a.get("langfuse.trace.metadata")));
    putAll(out, Json.parseMap(a.get("langfuse.observation.metadata")));
    putPrefixed(out, a, Family.LANGFUSE_TRACE_METADATA);
    putPrefixed(out, a, Family.LANGFUSE_OBSERVATION_METADATA);
    for (String key : a.keys(Family.TRACELOOP_ASSOCIATION)) {
      String name = key.substring(ASSOCIATION.length());
      if (!name.equals("user_id") && !name.equals("session_id")) put(out, name, a.get(key));
    }
    return out;
  }

  private static void putPrefixed(Map<String, String> out, SpanAttributes a, Family family) {
    for (String key : a.keys(family)) put(out, key.substring(family.prefix.length()), a.get(key));
  }

  private static void putAll(Map<String, String> out, Map<?, ?> map) {
    if (map == null) return;
    for (Map.Entry<?, ?> e : map.entrySet()) put(out, String.valueOf(e.getKey()), e.getValue());
  }

  private static void put(Map<String, String> out, String key, Object value) {
    String s = AnyValues.string(value);
    if (s != null && !key.isEmpty()) out.putIfAbsent(key, s);
  }
}
