package dev.vigil.server.scoring.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Mistakes found while reading a scorecard, each at a JSON pointer into the document
 * ("/metrics/2/max"); the parser turns pointers into lines and columns. Collecting them all lets
 * one edit fix every problem instead of one per attempt.
 */
public final class Problems {
  /** One mistake: where (a JSON pointer) and what is wrong. */
  public record Problem(String pointer, String message) {}

  private final List<Problem> list = new ArrayList<>();

  public void add(String pointer, String message) {
    list.add(new Problem(pointer, message));
  }

  public List<Problem> list() {
    return List.copyOf(list);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }
}
