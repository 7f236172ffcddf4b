package dev.vigil.server.scoring;

import java.util.List;

/**
 * Where one project's scoring stands: whether the pipeline runs, the scorecards in force, spans
 * stored but not yet read and how long the oldest has waited, tasks waiting for a retry or dead,
 * and evaluations since the server started.
 */
public record ScoringStatus(
    boolean enabled,
    int workers,
    List<Card> scorecards,
    String cursor,
    long backlogSpans,
    double lagSeconds,
    long retrying,
    long deadLetters,
    long scoresWritten,
    long failures) {

  /** A scorecard in force. */
  public record Card(String name, String version, String source, List<String> features, String target,
      double rate, List<String> metrics) {}

  public ScoringStatus {
    scorecards = List.copyOf(scorecards);
  }
}
