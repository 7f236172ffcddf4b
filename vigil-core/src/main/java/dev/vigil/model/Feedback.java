package dev.vigil.model;

import java.util.Objects;

/** One end-user feedback signal tied to a trace. Idempotent on {@code id}. */
public record Feedback(
    String id,
    String traceId,
    FeedbackKind kind,
    Double value,
    String comment,
    String userId,
    long epochNanos) {

  public Feedback {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(traceId, "traceId == null");
    Objects.requireNonNull(kind, "kind == null");
  }
}
