package dev.vigil.storage;

import java.time.LocalDate;

/**
 * What LLM judges cost each project per day (UTC), so a daily judge budget holds across restarts.
 * Every judge call is added here, including calls whose reply could not be used: the tokens were
 * paid for either way.
 */
public interface JudgeSpendStore {

  /** Adds one call's tokens and cost to the project's total for {@code day} and {@code judge}. */
  void add(long projectId, LocalDate day, String judge, long inputTokens, long outputTokens, double costUsd);

  /** The project's spend on {@code day}, summed over its judges; zero when nothing was spent. */
  Spend spent(long projectId, LocalDate day);

  /** Totals of one project's judge calls on one day. */
  record Spend(long calls, long inputTokens, long outputTokens, double costUsd) {
    public static final Spend NONE = new Spend(0, 0, 0, 0);
  }
}
