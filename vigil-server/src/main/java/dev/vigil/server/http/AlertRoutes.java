package dev.vigil.server.http;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.model.Delivery;
import dev.vigil.model.DeliveryAttempt;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.AlertRules;
import dev.vigil.server.query.QueryParams;
import dev.vigil.storage.AlertStore;
import dev.vigil.storage.DeliveryStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alerts of the caller's project: the rules, what is pending or firing now, the history of
 * transitions, and every notification delivery with its attempts (so a failed page is visible).
 */
final class AlertRoutes {
  private static final int MAX_LIMIT = 1000;

  private final Authn authn;
  private final AlertRules rules;
  private final AlertStore alerts;
  private final DeliveryStore deliveries;

  AlertRoutes(Authn authn, AlertRules rules, AlertStore alerts, DeliveryStore deliveries) {
    this.authn = authn;
    this.rules = rules;
    this.alerts = alerts;
    this.deliveries = deliveries;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/alerts", ctx -> {
      long project = authn.require(ctx).projectId();
      ctx.json(Map.of("rules", AlertRuleRoutes.entries(rules.entries(project)),
          "active", alerts.instances(project).stream().map(AlertRoutes::instance).toList()));
    });
    routes.get("/api/v1/alerts/history", ctx -> ctx.json(Map.of("events",
        alerts.history(authn.require(ctx).projectId(), limit(ctx)).stream().map(AlertRoutes::event).toList())));
    routes.get("/api/v1/alerts/deliveries", ctx -> ctx.json(Map.of("deliveries",
        deliveries.deliveries(authn.require(ctx).projectId(), limit(ctx)).stream().map(AlertRoutes::delivery).toList())));
    routes.get("/api/v1/alerts/deliveries/{id}/attempts", ctx -> ctx.json(Map.of("attempts",
        deliveries.attempts(authn.require(ctx).projectId(), ctx.pathParam("id")).stream().map(AlertRoutes::attempt).toList())));
  }

  /** The query API's limit parameter: 1 to 1000, 100 when absent, a 400 otherwise. */
  private static int limit(Context ctx) {
    return new QueryParams(ctx.queryParamMap(), Clock.systemUTC()).limit(100, MAX_LIMIT);
  }

  static Map<String, Object> rule(AlertRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("severity", r.severity().wireName());
    m.put("condition", r.condition().toString());
    m.put("window_seconds", r.window().toSeconds());
    Map<String, Object> where = new LinkedHashMap<>();
    r.where().forEach((d, v) -> where.put(d.wireName(), v));
    m.put("where", where);
    m.put("group_by", r.groupBy() == null ? null : r.groupBy().wireName());
    m.put("min_samples", r.minSamples());
    m.put("channels", r.channels());
    m.put("runbook", r.runbookUrl());
    return m;
  }

  private static Map<String, Object> instance(AlertInstance a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", a.rule());
    m.put("group", a.group());
    m.put("status", a.status().name().toLowerCase(Locale.ROOT));
    m.put("pending_since", Views.time(a.pendingSinceEpochNanos()));
    m.put("firing_since", a.firingSinceEpochNanos() == 0 ? null : Views.time(a.firingSinceEpochNanos()));
    m.put("value", a.value());
    return m;
  }

  private static Map<String, Object> event(AlertEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", e.rule());
    m.put("group", e.group());
    m.put("status", e.status().name().toLowerCase(Locale.ROOT));
    m.put("value", e.value());
    m.put("time", Views.time(e.epochNanos()));
    m.put("message", e.message());
    return m;
  }

  private static Map<String, Object> delivery(Delivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("channel", d.channel());
    m.put("state", d.state().name().toLowerCase(Locale.ROOT));
    m.put("attempts", d.attempts());
    m.put("created", Views.time(d.createdEpochNanos()));
    m.put("next_attempt", Views.time(d.nextAttemptEpochNanos()));
    m.put("last_error", d.lastError());
    m.put("notification", payload(d.payload()));
    return m;
  }

  /** The stored notification (snake_case JSON already); unreadable payloads are shown as text. */
  private static Object payload(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      return json;
    }
  }

  private static Map<String, Object> attempt(DeliveryAttempt a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attempt", a.attempt());
    m.put("time", Views.time(a.epochNanos()));
    m.put("ok", a.ok());
    m.put("status", a.status());
    m.put("error", a.error());
    return m;
  }
}
