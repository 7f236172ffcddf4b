package dev.vigil.storage;

import java.util.List;

/** Window metrics for dashboards and monitors. */
public interface MetricStore {
  /** Rows ordered by bucket, then by group rank. */
  List<MetricRow> query(long projectId, MetricQuery query);
}
