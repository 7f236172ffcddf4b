package dev.vigil.storage;

import java.util.List;
import java.util.Map;

/**
 * Bucketed series (rows ordered by bucket, then group) and the distribution over the whole range:
 * a histogram of numeric values and counts per label of categorical and boolean scores.
 */
public record ScoreMetrics(List<Row> rows, List<Bin> histogram, Map<String, Long> labels) {

  public ScoreMetrics {
    rows = List.copyOf(rows);
    histogram = List.copyOf(histogram);
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels)); // most frequent first
  }

  /**
   * One bucket of one group ({@code group} null when not grouping). {@code mean}/{@code p50}/{@code p90}
   * (interpolated between order statistics)/{@code min} are over the {@code valued} scores, those with
   * a value (null when none). {@code passRate} is the share of passing scores among the
   * {@code passable} ones, those that can pass (booleans, categorical "pass"/"fail", numerics when a
   * threshold is set); {@code belowShare} the share of valued scores below the threshold (null without one).
   */
  public record Row(long bucketStartEpochNanos, String group, long count, long valued, long passable, Double mean,
      Double p50, Double p90, Double min, Double passRate, Double belowShare) {}

  /** Scores with {@code from <= value < to} (the last bin includes its upper edge). */
  public record Bin(double from, double to, long count) {}
}
