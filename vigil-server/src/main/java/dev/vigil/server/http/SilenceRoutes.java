package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.auth.Principal;
import dev.vigil.model.Silence;
import dev.vigil.storage.AlertRuleStore;
import dev.vigil.util.EpochNanos;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Silences of the caller's project: while one matches an alert, its notifications are not sent
 * (state and history go on). Created by the caller (API key id or web user), expired or deleted.
 */
final class SilenceRoutes {
  private static final Set<String> FIELDS = Set.of("matchers", "starts_at", "ends_at", "duration", "comment");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Authn authn;
  private final AlertRuleStore store;
  private final Clock clock;

  SilenceRoutes(Authn authn, AlertRuleStore store, Clock clock) {
    this.authn = authn;
    this.store = store;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/alerts/silences", ctx -> {
      long now = EpochNanos.of(clock.instant());
      ctx.json(Map.of("silences", store.silences(authn.require(ctx).projectId()).stream().map(s -> view(s, now)).toList()));
    });
    routes.get("/api/v1/alerts/silences/{id}", ctx -> ctx.json(view(find(ctx, authn.require(ctx).projectId()),
        EpochNanos.of(clock.instant()))));
    routes.post("/api/v1/alerts/silences", this::create);
    routes.post("/api/v1/alerts/silences/{id}/expire", ctx -> {
      long project = authn.require(ctx).projectId();
      long now = EpochNanos.of(clock.instant());
      if (!store.expireSilence(project, ctx.pathParam("id"), now)) throw notFound(ctx);
      ctx.json(view(find(ctx, project), now));
    });
    routes.delete("/api/v1/alerts/silences/{id}", ctx -> {
      if (!store.deleteSilence(authn.require(ctx).projectId(), ctx.pathParam("id"))) throw notFound(ctx);
      ctx.status(204);
    });
  }

  private Silence find(Context ctx, long project) {
    return store.silence(project, ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
  }

  private static ApiError notFound(Context ctx) {
    return new ApiError(404, "no silence '" + ctx.pathParam("id") + "' in this project");
  }

  private void create(Context ctx) {
    Principal who = authn.require(ctx);
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new ApiError(400, "the body must be JSON, e.g. {\"matchers\": {\"feature\": \"support-chat\"}, \"duration\": \"2h\"}");
    }
    if (body == null || !body.isObject()) throw new ApiError(400, "the body must be a JSON object with 'matchers'");
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) throw new ApiError(400, "unknown field '" + f + "'; expected " + FIELDS);
    });
    JsonNode m = body.path("matchers");
    if (!m.isObject() || m.isEmpty()) {
      throw new ApiError(400, "'matchers' must map the rule name ('rule') or labels to values, e.g. {\"feature\": \"support-chat\"}");
    }
    Map<String, String> matchers = new LinkedHashMap<>();
    m.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw new ApiError(400, "matchers: '" + e.getKey() + "' must be a non-empty string");
      }
      matchers.put(e.getKey(), e.getValue().asText());
    });
    Instant now = clock.instant();
    Instant starts = time(body, "starts_at", now);
    Instant ends;
    if (body.hasNonNull("ends_at") && body.hasNonNull("duration")) throw new ApiError(400, "give 'ends_at' or 'duration', not both");
    if (body.hasNonNull("ends_at")) ends = time(body, "ends_at", null);
    else if (body.hasNonNull("duration")) ends = starts.plus(duration(body.get("duration").asText()));
    else throw new ApiError(400, "'ends_at' or 'duration' is required, e.g. \"duration\": \"2h\"");
    if (!ends.isAfter(now)) throw new ApiError(400, "'ends_at' is in the past; the silence would never apply");
    if (!ends.isAfter(starts)) throw new ApiError(400, "'ends_at' must be after 'starts_at'");
    String comment = body.hasNonNull("comment") ? body.get("comment").asText() : null;
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    Silence s = new Silence(HexFormat.of().formatHex(id), matchers, EpochNanos.of(starts), EpochNanos.of(ends), comment,
        who.keyId().startsWith("user:") ? who.keyId() : "key:" + who.keyId(), EpochNanos.of(now));
    store.addSilence(who.projectId(), s);
    ctx.status(201).json(view(s, EpochNanos.of(now)));
  }

  private static Instant time(JsonNode body, String field, Instant fallback) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() || v.isNull()) return fallback;
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new ApiError(400, "'" + field + "' must be an ISO-8601 time like 2026-11-22T10:00:00Z, got '" + v.asText() + "'");
    }
  }

  private static Duration duration(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)([mhd])").matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new ApiError(400, "'duration' must be like 30m, 2h or 1d, got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  static Map<String, Object> view(Silence s, long now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("matchers", new java.util.TreeMap<>(s.matchers()));
    m.put("starts_at", Views.time(s.startsEpochNanos()));
    m.put("ends_at", Views.time(s.endsEpochNanos()));
    m.put("state", s.activeAt(now) ? "active" : now < s.startsEpochNanos() ? "pending" : "expired");
    m.put("comment", s.comment());
    m.put("created_by", s.createdBy());
    m.put("created_at", Views.time(s.createdEpochNanos()));
    return m;
  }
}
