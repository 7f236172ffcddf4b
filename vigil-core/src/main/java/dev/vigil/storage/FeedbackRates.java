package dev.vigil.storage;

import java.util.List;

/** The answer to a {@link FeedbackRateQuery}: the whole range, and its buckets oldest first (only non-empty ones). */
public record FeedbackRates(FeedbackCounts total, List<FeedbackCounts> buckets) {
  public FeedbackRates {
    buckets = List.copyOf(buckets);
  }
}
