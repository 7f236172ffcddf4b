package dev.vigil.server.alert;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.model.AlertStatus;
import dev.vigil.server.alert.notify.Notifications;
import dev.vigil.server.watch.change.ChangeCorrelator;
import dev.vigil.server.watch.change.Suspect;
import dev.vigil.storage.AlertStore;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.MetricStore;
import dev.vigil.storage.MonitorStore;
import dev.vigil.storage.ScoreMetricStore;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.SignalStore;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.Storage;
import dev.vigil.util.EpochNanos;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates rules over the window ending now and moves each (rule, group) through pending → firing →
 * resolved, telling people on firing and resolving (and reminding while firing, if the rule asks).
 *
 * <p>A restart must neither lose a firing alert nor page twice for it: state is saved after every
 * transition, and each notification's identity is derived from the state (firing: the moment the
 * for-duration ran out; reminders: a whole number of intervals after it; resolve: its firing episode),
 * so re-running an evaluation that was cut short queues the very same delivery, which the outbox
 * takes only once.
 *
 * <p>When an alert fires, the changes that preceded it are ranked ({@link ChangeCorrelator}); the best
 * becomes the notification's probable cause and the ranking goes into the alert's history.
 */
public final class AlertEvaluator {
  private static final int MAX_GROUPS = 100;
  private static final int MAX_SUSPECTS = 5;
  static final Duration CHANGE_LOOKBACK = Duration.ofHours(24);

  private final MetricStore metrics;
  private final AlertStore alerts;
  private final ClauseEvaluator clauses;
  private final ChangeCorrelator correlator;
  private final Notifications notifications;
  private final Clock clock;
  private final String baseUrl;
  private final Silencer silencer;

  /** What one evaluation saw: the first clause's value per group, for a preview's series. */
  @FunctionalInterface
  interface Observer {
    void observed(AlertRule rule, String group, Double value);
  }

  public AlertEvaluator(Storage storage, Notifications notifications, Clock clock, String baseUrl) {
    this(storage, notifications, clock, baseUrl, Silencer.NONE);
  }

  public AlertEvaluator(Storage storage, Notifications notifications, Clock clock, String baseUrl, Silencer silencer) {
    this(storage.metricStore(), storage.scoreMetricStore(), storage.alertStore(), storage.monitorStore(),
        storage.sampleStore(), storage.signalStore(), notifications, clock, baseUrl, silencer);
  }

  /** From parts, so a preview can replay with scratch alert and chart state over the real data. */
  AlertEvaluator(MetricStore metrics, ScoreMetricStore scores, AlertStore alerts, MonitorStore monitors, SampleStore samples,
      SignalStore signals, Notifications notifications, Clock clock, String baseUrl, Silencer silencer) {
    this.metrics = metrics;
    this.alerts = alerts;
    this.clauses = new ClauseEvaluator(new MetricSource(metrics, scores, monitors, samples, signals), monitors);
    this.correlator = new ChangeCorrelator(signals, CHANGE_LOOKBACK, Duration.ofHours(2));
    this.notifications = notifications;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.silencer = silencer;
  }

  /** One evaluation of {@code rules} for one project at the clock's now. */
  public void evaluate(long projectId, List<AlertRule> rules) {
    evaluate(projectId, rules, (rule, group, value) -> { });
  }

  void evaluate(long projectId, List<AlertRule> rules, Observer observer) {
    long now = EpochNanos.of(clock.instant());
    Map<String, AlertInstance> live = new HashMap<>();
    for (AlertInstance a : alerts.instances(projectId)) live.put(a.rule() + '\n' + a.group(), a);
    for (AlertRule rule : rules) {
      Set<String> groups = groups(projectId, rule, now);
      for (AlertInstance a : live.values()) if (a.rule().equals(rule.name())) groups.add(a.group());
      for (String group : groups) {
        AlertInstance current = live.remove(rule.name() + '\n' + group);
        Map<Dimension, List<String>> slice = slice(rule, group);
        List<ClauseEvaluator.Outcome> outcomes = ClauseEvaluator.all(clauses, projectId, rule, group, slice, now);
        Double value = outcomes.get(0).value();
        observer.observed(rule, group, value);
        boolean holds = value != null && outcomes.stream().allMatch(o -> o.holds() && o.value() != null);
        String details = outcomes.stream().map(ClauseEvaluator.Outcome::text).collect(Collectors.joining("; "))
            + " (rule: " + rule.condition() + ")";
        step(projectId, rule, group, slice, value, holds, details, current, now);
      }
    }
  }

  /** The rule's groups with calls in the window (the one group "" without group_by). */
  private Set<String> groups(long projectId, AlertRule rule, long now) {
    Set<String> out = new LinkedHashSet<>();
    if (rule.groupBy() == null) {
      out.add("");
      return out;
    }
    SpanFilter filter = new SpanFilter(now - rule.window().toNanos(), now, rule.where(), List.of(), null, null, null,
        null, null, null, null, null);
    List<MetricRow> rows = metrics.query(projectId, new MetricQuery(filter, MetricScope.LLM_CALLS, null,
        List.of(rule.groupBy()), MetricOrder.COUNT, MAX_GROUPS));
    for (MetricRow row : rows) {
      String g = row.group().get(rule.groupBy());
      if (g != null) out.add(g);
    }
    return out;
  }

  static Map<Dimension, List<String>> slice(AlertRule rule, String group) {
    Map<Dimension, List<String>> slice = new EnumMap<>(Dimension.class);
    slice.putAll(rule.where());
    if (rule.groupBy() != null) slice.put(rule.groupBy(), List.of(group));
    return slice;
  }

  private void step(long projectId, AlertRule rule, String group, Map<Dimension, List<String>> slice, Double value,
      boolean holds, String details, AlertInstance a, long now) {
    long forNanos = rule.condition().forDuration().toNanos();
    if (holds) {
      long pendingSince = a == null ? now : a.pendingSinceEpochNanos();
      boolean firing = a != null && a.status() == AlertStatus.FIRING;
      if (!firing && now - pendingSince >= forNanos) {
        long firedAt = pendingSince + forNanos;
        // the regression began before the condition first held: look back from the window's start
        List<Suspect> suspects = correlator.rank(projectId, slice, pendingSince);
        Suspect top = suspects.isEmpty() ? null : suspects.get(0);
        String silenced = notify(projectId, rule, group, details, top, true, firedAt, firedAt);
        alerts.save(projectId, new AlertInstance(rule.name(), group, AlertStatus.FIRING, pendingSince, firedAt, value, firedAt));
        alerts.record(projectId, new AlertEvent(rule.name(), group, AlertStatus.FIRING, value, now,
            details + suspects(suspects) + silenced));
      } else if (!firing) {
        if (a == null) alerts.record(projectId, new AlertEvent(rule.name(), group, AlertStatus.PENDING, value, now, null));
        alerts.save(projectId, new AlertInstance(rule.name(), group, AlertStatus.PENDING, pendingSince, 0, value, 0));
      } else {
        long lastNotified = a.lastNotifiedEpochNanos();
        if (rule.renotify() != null && now - lastNotified >= rule.renotify().toNanos()) {
          long remindAt = lastNotified + ((now - lastNotified) / rule.renotify().toNanos()) * rule.renotify().toNanos();
          List<Suspect> suspects = correlator.rank(projectId, slice, a.pendingSinceEpochNanos());
          notify(projectId, rule, group, details, suspects.isEmpty() ? null : suspects.get(0), true, a.firingSinceEpochNanos(), remindAt);
          lastNotified = remindAt;
        }
        alerts.save(projectId, new AlertInstance(rule.name(), group, AlertStatus.FIRING, pendingSince,
            a.firingSinceEpochNanos(), value, lastNotified));
      }
    } else if (a != null) {
      if (a.status() == AlertStatus.FIRING) {
        double last = value == null ? a.value() : value;
        String silenced = notify(projectId, rule, group, details, null, false, a.firingSinceEpochNanos(), now);
        String message = (value == null ? "no data that meets min_samples in the window" : "") + silenced;
        alerts.record(projectId, new AlertEvent(rule.name(), group, AlertStatus.RESOLVED, last, now,
            message.isEmpty() ? null : message.strip()));
      }
      alerts.delete(projectId, rule.name(), group);
    }
  }

  /** "; probable cause: …; other suspects: …" for the history, or nothing without preceding changes. */
  private static String suspects(List<Suspect> suspects) {
    if (suspects.isEmpty()) return "";
    StringBuilder s = new StringBuilder("; probable cause: ").append(suspects.get(0).text());
    if (suspects.size() > 1) {
      s.append("; other suspects: ").append(suspects.subList(1, Math.min(MAX_SUSPECTS, suspects.size())).stream()
          .map(Suspect::text).collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  /**
   * Queues the notification; the outbox takes a repeated firing or resolve of one episode once.
   * Returns a note for the history when a silence kept it from being sent, else "".
   */
  private String notify(long projectId, AlertRule rule, String group, String details, Suspect suspect, boolean firing,
      long startedAt, long eventAt) {
    if (rule.channels().isEmpty()) return "";
    Map<String, String> labels = new HashMap<>();
    rule.where().forEach((d, v) -> labels.put(d.wireName(), String.join(",", v)));
    if (rule.groupBy() != null) labels.put(rule.groupBy().wireName(), group);
    Notification n = new Notification(rule.name() + (group.isEmpty() ? "" : "/" + group), rule.name(), rule.severity(),
        firing, summary(rule, group), details, labels, rule.runbookUrl(), suspect == null ? null : suspect.text(),
        baseUrl == null ? null : baseUrl + "/ui/", startedAt, eventAt);
    var silence = silencer.find(projectId, rule.name(), labels, EpochNanos.of(clock.instant()));
    if (silence.isPresent()) return " (silenced by " + silence.get().id() + ": not notified)";
    notifications.send(projectId, n, rule.channels());
    return "";
  }

  private static String summary(AlertRule rule, String group) {
    return rule.name() + (group.isEmpty() ? "" : " — " + group);
  }
}
