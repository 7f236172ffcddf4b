package dev.vigil.server.scoring.judge;

import dev.vigil.storage.JudgeSpendStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Each project's judge spend today (UTC) against the daily budget. Every call is written to the
 * {@link JudgeSpendStore} before it counts here, so after a restart today's spend is read back and
 * the budget still holds. Evaluations run in parallel, so a budget can be overrun by the calls that
 * were already under way when it ran out (at most one per scoring worker).
 */
final class JudgeBudget {
  private final JudgeSpendStore store;
  private final double dailyUsd;
  private final Clock clock;
  private final Map<Long, Day> days = new HashMap<>();

  private record Day(LocalDate date, double usd) {}

  JudgeBudget(JudgeSpendStore store, double dailyUsd, Clock clock) {
    this.store = store;
    this.dailyUsd = dailyUsd;
    this.clock = clock;
  }

  double dailyUsd() {
    return dailyUsd;
  }

  synchronized double spentToday(long projectId) {
    LocalDate today = today();
    Day d = days.get(projectId);
    if (d == null || !d.date().equals(today)) {
      d = new Day(today, store.spent(projectId, today).costUsd());
      days.put(projectId, d);
    }
    return d.usd();
  }

  boolean exhausted(long projectId) {
    return spentToday(projectId) >= dailyUsd;
  }

  void record(long projectId, String judge, long inputTokens, long outputTokens, double costUsd) {
    LocalDate today = today();
    store.add(projectId, today, judge, inputTokens, outputTokens, costUsd);
    synchronized (this) {
      Day d = days.get(projectId);
      if (d != null && d.date().equals(today)) days.put(projectId, new Day(today, d.usd() + costUsd));
      else days.remove(projectId); // read back from the store next time
    }
  }

  private LocalDate today() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
