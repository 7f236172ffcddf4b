package dev.vigil.server.scoring.eval;

import dev.vigil.model.ScoreDataType;

/** Shared by the embedding evaluators: a similarity as a NUMERIC score with a pass/fail label. */
final class Similarity {
  private Similarity() {}

  static Outcome numeric(double value, boolean passed, String explanation) {
    double rounded = Math.round(value * 10_000) / 10_000.0; // four places: what a person can read, stable across CPUs
    return new Outcome(ScoreDataType.NUMERIC, rounded, passed ? "pass" : "fail", explanation);
  }

  /** A text for an explanation: one line, at most {@code max} characters. */
  static String excerpt(String text, int max) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
