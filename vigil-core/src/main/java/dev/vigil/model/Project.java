package dev.vigil.model;

import java.time.Instant;
import java.util.Objects;

/** A tenant: every span, score and key belongs to exactly one project. */
public record Project(long id, String name, Instant createdAt, ProjectSettings settings) {
  public Project {
    Objects.requireNonNull(name, "name == null");
    settings = settings == null ? ProjectSettings.DEFAULTS : settings;
  }
}
