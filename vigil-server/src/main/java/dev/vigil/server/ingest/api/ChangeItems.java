package dev.vigil.server.ingest.api;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.ChangeType;

/** Decodes "change" items. Without a feature the change concerns every feature. */
final class ChangeItems {
  static final String SOURCE = "api";
  private static final Choice<ChangeType> TYPES = Choice.of(ChangeType.class);

  private ChangeItems() {}

  static ChangeEvent decode(Fields f, String id, long nowNanos) {
    ChangeType type = f.required("change_type", f.choice("change_type", TYPES));
    Long at = Timestamps.read(f, "timestamp");
    return new ChangeEvent(id, type, f.text("feature", Limits.MAX_SHORT_CHARS), f.longText("description"),
        SOURCE, at != null ? at : nowNanos, f.stringMap("attributes"));
  }
}
