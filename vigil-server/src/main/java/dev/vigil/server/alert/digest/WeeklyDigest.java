package dev.vigil.server.alert.digest;

import dev.vigil.model.AlertEvent;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.TraceSummary;
import java.util.List;

/**
 * One project's week: per feature this week against the one before, the alerts that fired, the
 * worst traces, and drift findings (null when no drift source reports them).
 */
public record WeeklyDigest(
    String project,
    long fromEpochNanos,
    long toEpochNanos,
    List<FeatureWeek> features,
    List<AlertEvent> fired,
    List<TraceSummary> costliest,
    List<TraceSummary> slowest,
    List<TraceSummary> failed,
    List<String> drift) {

  /** A feature's metrics this week and the week before (null: no calls that week). */
  public record FeatureWeek(String feature, MetricRow week, MetricRow previous) {}

  public boolean quiet() {
    return features.isEmpty() && fired.isEmpty();
  }
}
