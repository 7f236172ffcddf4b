package dev.vigil.server.scoring.pipeline;

import dev.vigil.server.scoring.judge.JudgeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the scoring pipeline runs: whether at all (off: nothing is read, the cursor waits, and turning
 * it on later scores everything stored meanwhile), how many evaluations run at once, how long one
 * may take, how failures are retried, how many spans one pass reads, and where scorecard files live
 * (null: none). {@code judges} are the LLM judges scorecards may name, {@code judgeDailyBudgetUsd} what
 * each project may spend on them per UTC day, {@code pluginsDir} where custom evaluators' jars are
 * (null: none).
 */
public record ScoringSettings(
    boolean enabled,
    int workers,
    Duration evaluatorTimeout,
    int maxAttempts,
    Duration retryBackoff,
    int batchSpans,
    Path scorecardsDir,
    String phoneRegion,
    Path pluginsDir,
    Map<String, JudgeSettings> judges,
    double judgeDailyBudgetUsd) {

  public static final double DEFAULT_JUDGE_BUDGET_USD = 10.0;

  public ScoringSettings {
    if (workers < 1) throw new IllegalArgumentException("workers must be positive");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be positive");
    if (batchSpans < 1) throw new IllegalArgumentException("batchSpans must be positive");
    if (!(judgeDailyBudgetUsd >= 0)) throw new IllegalArgumentException("judgeDailyBudgetUsd must not be negative");
    judges = judges == null ? Map.of() : Map.copyOf(judges);
  }

  /** No judges and no plugins. */
  public ScoringSettings(boolean enabled, int workers, Duration evaluatorTimeout, int maxAttempts, Duration retryBackoff,
      int batchSpans, Path scorecardsDir, String phoneRegion) {
    this(enabled, workers, evaluatorTimeout, maxAttempts, retryBackoff, batchSpans, scorecardsDir, phoneRegion, null, Map.of(),
        DEFAULT_JUDGE_BUDGET_USD);
  }

  public static ScoringSettings defaults() {
    return new ScoringSettings(true, 2, Duration.ofSeconds(5), 5, Duration.ofSeconds(30), 4000, null, "US");
  }

  public ScoringSettings withEnabled(boolean on) {
    return new ScoringSettings(on, workers, evaluatorTimeout, maxAttempts, retryBackoff, batchSpans, scorecardsDir, phoneRegion,
        pluginsDir, judges, judgeDailyBudgetUsd);
  }

  /** Delay before attempt {@code attempts + 1}: the backoff doubled per failure, at most an hour. */
  long backoffNanos(int attempts) {
    long base = retryBackoff.toNanos();
    long max = Duration.ofHours(1).toNanos();
    int shift = Math.min(30, Math.max(0, attempts - 1));
    return base > (max >> shift) ? max : Math.min(max, base << shift);
  }
}
