package dev.vigil.model;

import java.util.Objects;

/** One transition of an alert (pending, firing, resolved) for its history. */
public record AlertEvent(String rule, String group, AlertStatus status, double value, long epochNanos, String message) {
  public AlertEvent {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(status, "status == null");
  }
}
