package dev.vigil.storage;

import java.util.Objects;

/** One trace in a dataset: {@code expected} is the reference answer, when someone gave one. */
public record DatasetItem(String traceId, String expected, String note, long addedEpochNanos) {
  public DatasetItem {
    Objects.requireNonNull(traceId, "traceId == null");
  }
}
