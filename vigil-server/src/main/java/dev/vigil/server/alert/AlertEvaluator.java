package dev.vigil.server.alert;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.model.AlertStatus;
import dev.vigil.server.alert.notify.Notifications;
import dev.vigil.storage.AlertStore;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.MetricStore;
import dev.vigil.storage.SpanFilter;
import dev.vigil.util.EpochNanos;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates rules over the window ending now and moves each (rule, group) through pending → firing →
 * resolved, telling people on firing and resolving (and reminding while firing, if the rule asks).
 *
 * <p>A restart must neither lose a firing alert nor page twice for it: state is saved after every
 * transition, and each notification's identity is derived from the state (firing: the moment the
 * for-duration ran out; reminders: a whole number of intervals after it; resolve: its firing episode),
 * so re-running an evaluation that was cut short queues the very same delivery, which the outbox
 * takes only once.
 */
public final class AlertEvaluator {
  private static final int MAX_GROUPS = 100;

  private final MetricStore metrics;
  private final AlertStore alerts;
  private final Notifications notifications;
  private final Clock clock;
  private final String baseUrl;
  private final Silencer silencer;

  public AlertEvaluator(MetricStore metrics, AlertStore alerts, Notifications notifications, Clock clock, String baseUrl) {
    this(metrics, alerts, notifications, clock, baseUrl, Silencer.NONE);
  }

  public AlertEvaluator(MetricStore metrics, AlertStore alerts, Notifications notifications, Clock clock, String baseUrl,
      Silencer silencer) {
    this.silencer = silencer;
    this.metrics = metrics;
    this.alerts = alerts;
    this.notifications = notifications;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** One evaluation of {@code rules} for one project at the clock's now. */
  public void evaluate(long projectId, List<AlertRule> rules) {
    long now = EpochNanos.of(clock.instant());
    Map<String, AlertInstance> live = new HashMap<>();
    for (AlertInstance a : alerts.instances(projectId)) live.put(a.rule() + '\n' + a.group(), a);
    for (AlertRule rule : rules) {
      Map<String, Double> values = values(projectId, rule, now);
      for (Map.Entry<String, Double> e : values.entrySet()) {
        AlertInstance current = live.remove(rule.name() + '\n' + e.getKey());
        step(projectId, rule, e.getKey(), e.getValue(), current, now);
      }
      // groups with live state but no judgeable data this time: the condition no longer holds
      for (var it = live.values().iterator(); it.hasNext(); ) {
        AlertInstance a = it.next();
        if (!a.rule().equals(rule.name())) continue;
        it.remove();
        step(projectId, rule, a.group(), null, a, now);
      }
    }
  }

  /** The rule's metric per group over [now - window, now); groups under min_samples are left out. */
  Map<String, Double> values(long projectId, AlertRule rule, long now) {
    SpanFilter filter = new SpanFilter(now - rule.window().toNanos(), now, rule.where(), List.of(), null, null, null,
        null, null, null, null, null);
    List<MetricRow> rows = metrics.query(projectId, new MetricQuery(filter, MetricScope.LLM_CALLS, null,
        rule.groupBy() == null ? List.of() : List.of(rule.groupBy()), MetricOrder.COUNT, MAX_GROUPS));
    Map<String, Double> out = new HashMap<>();
    for (MetricRow row : rows) {
      if (row.count() < Math.max(1, rule.minSamples())) continue;
      Double value = rule.condition().metric().of(row);
      if (value == null) continue;
      String group = rule.groupBy() == null ? "" : String.valueOf(row.group().get(rule.groupBy()));
      out.put(group, value);
    }
    return out;
  }

  private void step(long projectId, AlertRule rule, String group, Double value, AlertInstance a, long now) {
    boolean holds = value != null && rule.condition().holds(value);
    long forNanos = rule.condition().forDuration().toNanos();
    if (holds) {
      long pendingSince = a == null ? now : a.pendingSinceEpochNanos();
      boolean firing = a != null && a.status() == AlertStatus.FIRING;
      if (!firing && now - pendingSince >= forNanos) {
        long firedAt = pendingSince + forNanos;
        String silenced = notify(projectId, rule, group, value, true, firedAt, firedAt);
        alerts.save(projectId, new AlertInstance(rule.name(), group, AlertStatus.FIRING, pendingSince, firedAt, value, firedAt));
        alerts.record(projectId, new AlertEvent(rule.name(), group, AlertStatus.FIRING, value, now,
            describe(rule, group, value) + silenced));
      } else if (!firing) {
        if (a == null) alerts.record(projectId, new AlertEvent(rule.name(), group, AlertStatus.PENDING, value, now, null));
        alerts.save(projectId, new AlertInstance(rule.name(), group, AlertStatus.PENDING, pendingSince, 0, value, 0));
      } else {
        long lastNotified = a.lastNotifiedEpochNanos();
        if (rule.renotify() != null && now - lastNotified >= rule.renotify().toNanos()) {
          long remindAt = lastNotified + ((now - lastNotified) / rule.renotify().toNanos()) * rule.renotify().toNanos();
          notify(projectId, rule, group, value, true, a.firingSinceEpochNanos(), remindAt);
          lastNotified = remindAt;
        }
        alerts.save(projectId, new AlertInstance(rule.name(), group, AlertStatus.FIRING, pendingSince,
            a.firingSinceEpochNanos(), value, lastNotified));
      }
    } else if (a != null) {
      if (a.status() == AlertStatus.FIRING) {
        double last = value == null ? a.value() : value;
        String silenced = notify(projectId, rule, group, last, false, a.firingSinceEpochNanos(), now);
        String message = (value == null ? "no data that meets min_samples in the window" : "") + silenced;
        alerts.record(projectId, new AlertEvent(rule.name(), group, AlertStatus.RESOLVED, last, now,
            message.isEmpty() ? null : message.strip()));
      }
      alerts.delete(projectId, rule.name(), group);
    }
  }

  /**
   * Queues the notification; the outbox takes a repeated firing or resolve of one episode once.
   * Returns a note for the history when a silence kept it from being sent, else "".
   */
  private String notify(long projectId, AlertRule rule, String group, double value, boolean firing, long startedAt, long eventAt) {
    if (rule.channels().isEmpty()) return "";
    Map<String, String> labels = new HashMap<>();
    rule.where().forEach((d, v) -> labels.put(d.wireName(), String.join(",", v)));
    if (rule.groupBy() != null) labels.put(rule.groupBy().wireName(), group);
    Notification n = new Notification(rule.name() + (group.isEmpty() ? "" : "/" + group), rule.name(), rule.severity(),
        firing, summary(rule, group), describe(rule, group, value), labels, rule.runbookUrl(), null,
        baseUrl == null ? null : baseUrl + "/ui/", startedAt, eventAt);
    var silence = silencer.find(projectId, rule.name(), labels, EpochNanos.of(clock.instant()));
    if (silence.isPresent()) return " (silenced by " + silence.get().id() + ": not notified)";
    notifications.send(projectId, n, rule.channels());
    return "";
  }

  private static String summary(AlertRule rule, String group) {
    return rule.name() + (group.isEmpty() ? "" : " — " + group);
  }

  private static String describe(AlertRule rule, String group, double value) {
    return String.format(Locale.ROOT, "%s is %s over the last %s (rule: %s)", rule.condition().metric().wireName(),
        format(value), Durations.format(rule.window()), rule.condition());
  }

  private static String format(double v) {
    return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
  }

}
