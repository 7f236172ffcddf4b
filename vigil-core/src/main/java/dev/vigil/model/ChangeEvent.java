package dev.vigil.model;

import java.util.Map;
import java.util.Objects;

/**
 * Something that changed in production (a deploy, a new prompt or model version), posted through
 * the API or detected in spans. Monitors correlate regressions with the changes that preceded them.
 */
public record ChangeEvent(
    String id,
    ChangeType type,
    String feature,
    String description,
    String source,
    long epochNanos,
    Map<String, String> attributes) {

  public ChangeEvent {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(type, "type == null");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
