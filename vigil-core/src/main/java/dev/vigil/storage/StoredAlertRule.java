package dev.vigil.storage;

import java.util.Objects;

/** An alert rule defined through the API: its name and the YAML (or JSON) text it was defined with. */
public record StoredAlertRule(String name, String text, long updatedEpochNanos) {
  public StoredAlertRule {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(text, "text == null");
  }
}
