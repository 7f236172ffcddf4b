package dev.vigil.server.scoring;

import dev.vigil.server.scoring.scorecard.ScorecardFiles;
import java.util.List;

/**
 * Where one project's scoring stands: whether the pipeline runs, the scorecards in force, spans
 * stored but not yet read and how long the oldest has waited, tasks waiting for a retry or dead,
 * evaluations since the server started, scorecard files whose latest edit is not in force, and what
 * LLM judges have cost the project today against its daily budget.
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
    long failures,
    List<ScorecardFiles.Problem> fileProblems,
    JudgeSpend judgeSpend) {

  /** Judge calls, tokens and cost on {@code day} (UTC), and the daily budget they share. */
  public record JudgeSpend(java.time.LocalDate day, long calls, long inputTokens, long outputTokens, double costUsd,
      double dailyBudgetUsd) {
    public boolean exhausted() {
      return costUsd >= dailyBudgetUsd;
    }
  }

  /** A scorecard in force. */
  public record Card(String name, String version, String source, List<String> features, String target,
      double rate, List<String> metrics) {}

  public ScoringStatus {
    scorecards = List.copyOf(scorecards);
    fileProblems = List.copyOf(fileProblems);
  }
}
