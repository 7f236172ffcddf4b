package dev.vigil.storage;

import java.util.Objects;

/**
 * An annotation queue: a named list of traces to label. {@code scorecard} (nullable) is the rubric
 * its items are labelled with; {@code origin} says, in JSON, how the traces were chosen.
 */
public record ReviewQueue(String id, String name, String scorecard, String origin, long createdEpochNanos) {
  public ReviewQueue {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    origin = origin == null ? "{}" : origin;
  }
}
