package dev.vigil.storage;

import java.util.Locale;
import java.util.Objects;

/** One trace in an annotation queue, at {@code position}, and where its review stands. */
public record ReviewItem(String queueId, String traceId, int position, State state, long updatedEpochNanos) {
  public ReviewItem {
    Objects.requireNonNull(queueId, "queueId == null");
    Objects.requireNonNull(traceId, "traceId == null");
    Objects.requireNonNull(state, "state == null");
  }

  /** Pending until labelled (done) or passed over (skipped). */
  public enum State {
    PENDING, DONE, SKIPPED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How many items are in each state. */
  public record Progress(long pending, long done, long skipped) {
    public long total() {
      return pending + done + skipped;
    }
  }
}
