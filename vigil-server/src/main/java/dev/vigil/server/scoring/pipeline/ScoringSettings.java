package dev.vigil.server.scoring.pipeline;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the scoring pipeline runs: whether at all (off: nothing is read, the cursor waits, and turning
 * it on later scores everything stored meanwhile), how many evaluations run at once, how long one
 * may take, how failures are retried, how many spans one pass reads, and where scorecard files live
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
    String phoneRegion) {

  public ScoringSettings {
    if (workers < 1) throw new IllegalArgumentException("workers must be positive");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be positive");
    if (batchSpans < 1) throw new IllegalArgumentException("batchSpans must be positive");
  }

  public static ScoringSettings defaults() {
    return new ScoringSettings(true, 2, Duration.ofSeconds(5), 5, Duration.ofSeconds(30), 1000, null, "US");
  }

  public ScoringSettings withEnabled(boolean on) {
    return new ScoringSettings(on, workers, evaluatorTimeout, maxAttempts, retryBackoff, batchSpans, scorecardsDir, phoneRegion);
  }

  /** Delay before attempt {@code attempts + 1}: the backoff doubled per failure, at most an hour. */
  long backoffNanos(int attempts) {
    long base = retryBackoff.toNanos();
    long max = Duration.ofHours(1).toNanos();
    int shift = Math.min(30, Math.max(0, attempts - 1));
    return base > (max >> shift) ? max : Math.min(max, base << shift);
  }
}
