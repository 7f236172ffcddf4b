package dev.vigil.model;

import java.util.Objects;

/**
 * The live state of one rule for one group (e.g. one feature): since when its condition holds, since
 * when it fires (0 while pending), the last value seen and when a person was last told. Kept in the
 * store so a restart neither forgets a firing alert nor pages again for it.
 */
public record AlertInstance(
    String rule,
    String group,
    AlertStatus status,
    long pendingSinceEpochNanos,
    long firingSinceEpochNanos,
    double value,
    long lastNotifiedEpochNanos) {

  public AlertInstance {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(status, "status == null");
  }
}
