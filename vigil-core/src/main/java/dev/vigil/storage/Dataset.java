package dev.vigil.storage;

import java.util.regex.Pattern;

/** A named regression set of one project. */
public record Dataset(String name, String description, long createdEpochNanos, long itemCount) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  public Dataset {
    requireValidName(name);
  }

  /** Names go into URLs: 1–100 letters, digits, '_', '.', '-'. */
  public static String requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("dataset name must be 1-100 letters, digits, '_', '.' or '-', got '"
          + name + "'");
    }
    return name;
  }
}
