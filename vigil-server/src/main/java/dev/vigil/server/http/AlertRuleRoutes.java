package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.AlertRules;
import dev.vigil.server.alert.AlertsFile;
import dev.vigil.server.alert.Durations;
import dev.vigil.server.alert.RulePreview;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Alert rules of the caller's project (file rules are listed but read-only: 409 on change) and the
 * preview that replays a rule over past days. A rule is PUT as YAML or JSON with the rules file's fields.
 */
final class AlertRuleRoutes {
  private static final Duration DEFAULT_PREVIEW = Duration.ofDays(3);
  private static final int DEFAULT_STEPS = 288;
  private static final Set<String> PREVIEW_FIELDS = Set.of("rule", "from", "to", "step");

  private final Authn authn;
  private final AlertRules rules;
  private final RulePreview preview;
  private final Clock clock;

  AlertRuleRoutes(Authn authn, AlertRules rules, RulePreview preview, Clock clock) {
    this.authn = authn;
    this.rules = rules;
    this.preview = preview;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/alerts/rules", ctx -> ctx.json(Map.of("rules",
        rules.entries(project(ctx)).stream().map(AlertRuleRoutes::entry).toList(),
        "channels", rules.channelNames())));
    routes.get("/api/v1/alerts/rules/{name}", ctx -> {
      String name = ctx.pathParam("name");
      ctx.json(entry(rules.get(project(ctx), name).orElseThrow(() -> new ApiError(404, "no alert rule '" + name + "' in this project"))));
    });
    routes.put("/api/v1/alerts/rules/{name}", this::put);
    routes.delete("/api/v1/alerts/rules/{name}", this::delete);
    routes.post("/api/v1/alerts/preview", this::preview);
  }

  private long project(Context ctx) {
    return authn.require(ctx).projectId();
  }

  private void put(Context ctx) {
    long project = project(ctx);
    String name = ctx.pathParam("name");
    if (rules.isFile(name)) throw new ApiError(409, "alert rule '" + name + "' is defined in the rules file; edit the file instead");
    String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    if (text.isBlank()) throw new ApiError(400, "the body must be the rule as YAML or JSON, e.g. {condition: 'error_rate > 0.05 for 5m'}");
    text = unwrap(text);
    boolean existed = rules.get(project, name).isPresent();
    rules.put(project, name, text); // IllegalArgumentException: 400 with the rules file's message
    ctx.status(existed ? 200 : 201).json(entry(rules.get(project, name).orElseThrow()));
  }

  /** A JSON string body (what the web UI sends) holds the rule's YAML text: store that text. */
  private static String unwrap(String text) {
    if (!text.strip().startsWith("\"")) return text;
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      return node != null && node.isTextual() ? node.asText() : text;
    } catch (IOException e) {
      return text;
    }
  }

  private void delete(Context ctx) {
    long project = project(ctx);
    String name = ctx.pathParam("name");
    if (rules.isFile(name)) throw new ApiError(409, "alert rule '" + name + "' is defined in the rules file; remove it there");
    if (!rules.delete(project, name)) throw new ApiError(404, "no alert rule '" + name + "' in this project");
    ctx.status(204);
  }

  private void preview(Context ctx) {
    long project = project(ctx);
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new ApiError(400, "the body must be JSON: {\"rule\": {...}, \"from\": ..., \"to\": ..., \"step\": \"15m\"}");
    }
    if (body == null || !body.isObject()) throw new ApiError(400, "the body must be a JSON object with 'rule'");
    body.fieldNames().forEachRemaining(f -> {
      if (!PREVIEW_FIELDS.contains(f)) throw new ApiError(400, "unknown field '" + f + "'; expected " + PREVIEW_FIELDS);
    });
    JsonNode r = body.path("rule");
    if (r.isMissingNode() || r.isNull()) throw new ApiError(400, "'rule' is required: the rule as an object or as YAML text");
    String text = r.isTextual() ? r.asText() : r.toString();
    String name = r.isObject() && r.hasNonNull("name") ? r.get("name").asText() : "preview";
    AlertRule rule = AlertsFile.parseRule(name, text, rules.channelNames());
    Instant to = time(body, "to", clock.instant());
    Instant from = time(body, "from", to.minus(DEFAULT_PREVIEW));
    Duration step = body.hasNonNull("step") ? duration(body.get("step").asText())
        : Duration.ofMinutes(Math.max(1, Duration.between(from, to).toMinutes() / DEFAULT_STEPS));
    RulePreview.Result result = preview.run(project, rule, from, to, step);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", AlertRoutes.rule(rule));
    out.put("from", Views.time(result.fromNanos()));
    out.put("to", Views.time(result.toNanos()));
    out.put("step_seconds", Duration.ofNanos(result.stepNanos()).toSeconds());
    out.put("threshold", rule.condition().fixedThreshold());
    out.put("series", result.series().stream().map(p -> Map.of("time", Views.time(p.epochNanos()), "group", p.group(),
        "value", p.value())).toList());
    out.put("intervals", result.intervals().stream().map(i -> Map.of("group", i.group(),
        "status", i.status().name().toLowerCase(Locale.ROOT), "from", Views.time(i.fromNanos()), "to", Views.time(i.toNanos()))).toList());
    ctx.json(out);
  }

  private static Instant time(JsonNode body, String field, Instant fallback) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() || v.isNull()) return fallback;
    if (v.isIntegralNumber()) return Instant.ofEpochMilli(v.asLong());
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new ApiError(400, "'" + field + "' must be an ISO-8601 time like 2026-11-22T10:00:00Z or epoch milliseconds, got '"
          + v.asText() + "'");
    }
  }

  /** 30s, 5m, 2h, 1d, as in rules. */
  private static Duration duration(String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "'step' must be like 5m, 1h or 1d, got '" + text + "'");
    }
  }

  static Map<String, Object> entry(AlertRules.Entry e) {
    Map<String, Object> m = AlertRoutes.rule(e.rule());
    m.put("source", e.source());
    m.put("text", e.text());
    return m;
  }

  static List<Map<String, Object>> entries(List<AlertRules.Entry> entries) {
    return entries.stream().map(AlertRuleRoutes::entry).toList();
  }
}
