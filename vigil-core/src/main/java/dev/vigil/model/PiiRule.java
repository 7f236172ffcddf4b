package dev.vigil.model;

import java.util.Objects;

/** A project's own masking rule: text matching {@code pattern} (a Java regex) is masked as {@code name}. */
public record PiiRule(String name, String pattern) {
  public PiiRule {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(pattern, "pattern == null");
  }
}
