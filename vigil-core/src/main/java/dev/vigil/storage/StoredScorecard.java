package dev.vigil.storage;

import java.util.Objects;

/** A scorecard defined through the API: its name and the YAML text it was defined with. */
public record StoredScorecard(String name, String yaml, long updatedEpochNanos) {
  public StoredScorecard {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(yaml, "yaml == null");
  }
}
