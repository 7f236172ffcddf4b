package dev.vigil.server.ingest.otlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Who and what a span belongs to: user, session, tags, metadata, prompt, environment, release, feature. */
final class ContextMapper {
  /** {@link Family#TRACELOOP_ASSOCIATION}'s prefix, a constant so that the keys below are too. */
  static final String ASSOCIATION = "traceloop.association.properties.";

  private static final String[] PROMPT_NAME_KEYS = {
      "gen_ai.prompt.name", "traceloop.prompt.key", "langfuse.observation.prompt.name"};
  private static final String[] PROMPT_VERSION_KEYS = {
      "gen_ai.prompt.version", "llm.prompt_template.version", "traceloop.prompt.version",
      "langfuse.observation.prompt.version"};
  private static final String[] USER_KEYS = {
      "user.id", "enduser.id", "langfuse.user.id", ASSOCIATION + "user_id", "llm.user"};
  private static final String[] SESSION_KEYS = {
      "session.id", "gen_ai.conversation.id", "langfuse.session.id", ASSOCIATION + "session_id"};
  private static final String[] ENVIRONMENT_KEYS = {
      "deployment.environment.name", "deployment.environment", "langfuse.environment"};
  private static final String[] RELEASE_KEYS = {"langfuse.release", "service.version"};

  private ContextMapper() {}

  /**
   * What a span falls back to from its resource, found once per resource rather than per span: the
   * same keys, looked up on the resource when the span has none of them.
   */
  record ResourceContext(String userId, String sessionId, String feature, String environment, String serviceName,
      String serviceVersion) {}

  static ResourceContext resource(Map<String, Object> resource, String featureAttribute) {
    return new ResourceContext(text(resource, USER_KEYS), text(resource, SESSION_KEYS),
        AnyValues.text(resource.get(featureAttribute)), text(resource, ENVIRONMENT_KEYS),
        AnyValues.text(resource.get("service.name")), AnyValues.text(resource.get("service.version")));
  }

  private static String text(Map<String, Object> map, String[] keys) {
    for (String key : keys) {
      String s = AnyValues.text(map.get(key));
      if (s != null) return s;
    }
    return null;
  }

  /** The fields descendants inherit, span attributes first, then the resource's; each may be null. */
  static Inherited inherited(SpanAttributes a, ResourceContext resource, String featureAttribute) {
    String promptName = a.text(PROMPT_NAME_KEYS);
    String promptVersion = a.text(PROMPT_VERSION_KEYS);
    return new Inherited(
        orElse(a.text(USER_KEYS), resource.userId()),
        orElse(a.text(SESSION_KEYS), resource.sessionId()),
        orElse(a.text(featureAttribute), resource.feature()),
        promptName,
        promptVersion,
        orElse(a.text(ENVIRONMENT_KEYS), resource.environment()));
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  static String release(SpanAttributes a, ResourceContext resource) {
    return orElse(a.text(RELEASE_KEYS), resource.serviceVersion());
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
    if (a.has(Family.TRACELOOP_ASSOCIATION)) {
      for (int i = 0, n = a.size(); i < n; i++) {
        if (!a.in(i, Family.TRACELOOP_ASSOCIATION)) continue;
        String name = a.key(i).substring(ASSOCIATION.length());
        if (!name.equals("user_id") && !name.equals("session_id")) put(out, name, a.value(i));
      }
    }
    return out.isEmpty() ? Map.of() : out;
  }

  private static void putPrefixed(Map<String, String> out, SpanAttributes a, Family family) {
    if (!a.has(family)) return;
    for (int i = 0, n = a.size(); i < n; i++) {
      if (a.in(i, family)) put(out, a.key(i).substring(family.prefix.length()), a.value(i));
    }
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
