package dev.vigil.server.alert;

import java.util.Map;
import java.util.Objects;

/**
 * What a person is told when an alert fires or resolves: every notifier renders this one message in
 * its own wire format. {@code dedupKey} names the alert instance (rule + group), so a receiver such as
 * PagerDuty ties the resolve to its trigger; {@code suspect} names the change that probably caused it.
 */
public record Notification(
    String dedupKey,
    String rule,
    Severity severity,
    boolean firing,
    String summary,
    String details,
    Map<String, String> labels,
    String runbookUrl,
    String suspect,
    String link,
    long startedEpochNanos,
    long eventEpochNanos) {

  public Notification {
    Objects.requireNonNull(dedupKey, "dedupKey == null");
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(summary, "summary == null");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** "FIRING" or "RESOLVED", the word every channel leads with. */
  public String stateWord() {
    return firing ? "FIRING" : "RESOLVED";
  }

  /** One line for subjects and chat: {@code [FIRING critical] error rate above 5% — support-chat}. */
  public String headline() {
    return "[" + stateWord() + " " + severity.wireName() + "] " + summary;
  }
}
