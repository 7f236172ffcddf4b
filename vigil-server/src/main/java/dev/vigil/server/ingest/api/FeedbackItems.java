package dev.vigil.server.ingest.api;

import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;

/** Decodes "feedback" items. A rating needs a value; a comment or correction needs its text. */
final class FeedbackItems {
  private static final Choice<FeedbackKind> KINDS = Choice.of(FeedbackKind.class);

  private FeedbackItems() {}

  static Feedback decode(Fields f, String id, long nowNanos) {
    String traceId = f.required("trace_id", NativeIds.traceId(f, "trace_id"));
    FeedbackKind kind = f.required("kind", f.choice("kind", KINDS));
    Double value = f.number("value");
    String comment = f.longText("comment");
    if (kind == FeedbackKind.RATING) f.required("value", value);
    if ((kind == FeedbackKind.COMMENT || kind == FeedbackKind.CORRECTION) && (comment == null || comment.isBlank())) {
      throw f.error("comment", "required for " + kind.wireName() + " feedback");
    }
    Long at = Timestamps.read(f, "timestamp");
    return new Feedback(id, traceId, kind, value, comment, f.text("user_id", Limits.MAX_SHORT_CHARS),
        at != null ? at : nowNanos);
  }
}
