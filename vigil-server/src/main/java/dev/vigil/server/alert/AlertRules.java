package dev.vigil.server.alert;

import dev.vigil.storage.AlertRuleStore;
import dev.vigil.storage.AlertStore;
import dev.vigil.storage.StoredAlertRule;
import dev.vigil.util.EpochNanos;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules a project is evaluated with: those of the rules file (every project, read-only through
 * the API) and the project's own, stored as the text they were written in and parsed by the same
 * code as the file, so both give the same messages.
 */
public final class AlertRules {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRules.class);

  /** A rule with where it comes from ("file" or "api") and, for API rules, its text. */
  public record Entry(AlertRule rule, String source, String text) {}

  private final AlertsFile file;
  private final AlertRuleStore store;
  private final AlertStore alerts;
  private final Clock clock;

  public AlertRules(AlertsFile file, AlertRuleStore store, AlertStore alerts, Clock clock) {
    this.file = file;
    this.store = store;
    this.alerts = alerts;
    this.clock = clock;
  }

  public Set<String> channelNames() {
    Set<String> names = new LinkedHashSet<>();
    file.channels().forEach(c -> names.add(c.name()));
    return names;
  }

  public boolean isFile(String name) {
    return file.rules().stream().anyMatch(r -> r.name().equals(name));
  }

  /** File rules first, then the project's API rules by name. */
  public List<Entry> entries(long projectId) {
    List<Entry> out = new ArrayList<>();
    for (AlertRule r : file.rules()) out.add(new Entry(r, "file", null));
    for (StoredAlertRule s : store.rules(projectId)) {
      if (isFile(s.name())) continue;
      try {
        out.add(new Entry(AlertsFile.parseRule(s.name(), s.text(), channelNames()), "api", s.text()));
      } catch (IllegalArgumentException e) {
        // e.g. a channel it names was removed from the file since: skip it, loudly, rather than stop alerting
        LOG.warn("project {}: stored alert rule skipped: {}", projectId, e.getMessage());
      }
    }
    return out;
  }

  public List<AlertRule> forProject(long projectId) {
    return entries(projectId).stream().map(Entry::rule).toList();
  }

  public Optional<Entry> get(long projectId, String name) {
    return entries(projectId).stream().filter(e -> e.rule().name().equals(name)).findFirst();
  }

  /** Validates and stores an API rule; IllegalArgumentException says what is wrong. */
  public AlertRule put(long projectId, String name, String text) {
    AlertRule rule = AlertsFile.parseRule(name, text, channelNames());
    store.putRule(projectId, new StoredAlertRule(name, text, EpochNanos.of(clock.instant())));
    return rule;
  }

  /** Removes an API rule and its live alert state (a deleted rule neither pends nor fires). */
  public boolean delete(long projectId, String name) {
    boolean existed = store.deleteRule(projectId, name);
    if (existed) {
      alerts.instances(projectId).stream().filter(a -> a.rule().equals(name))
          .forEach(a -> alerts.delete(projectId, name, a.group()));
    }
    return existed;
  }
}
