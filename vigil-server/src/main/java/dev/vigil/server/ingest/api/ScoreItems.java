package dev.vigil.server.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;

/**
 * Decodes "score" items. data_type, when omitted, follows the value: a JSON boolean is boolean, a
 * number numeric, and a label alone categorical.
 */
final class ScoreItems {
  private static final Choice<ScoreDataType> DATA_TYPES = Choice.of(ScoreDataType.class);
  private static final Choice<ScoreSource> SOURCES = Choice.of(ScoreSource.class);

  private ScoreItems() {}

  static Score decode(Fields f, String id, long nowNanos) {
    String traceId = f.required("trace_id", NativeIds.traceId(f, "trace_id"));
    String spanId = NativeIds.spanId(f, "span_id");
    String name = f.requiredText("name", Limits.MAX_SHORT_CHARS);
    String label = f.text("label", Limits.MAX_SHORT_CHARS);
    JsonNode raw = f.get("value");
    ScoreDataType type = f.choice("data_type", DATA_TYPES);
    if (type == null) {
      type = raw != null && raw.isBoolean() ? ScoreDataType.BOOLEAN
          : raw == null && label != null ? ScoreDataType.CATEGORICAL : ScoreDataType.NUMERIC;
    }
    Double value = switch (type) {
      case NUMERIC -> f.required("value", f.number("value"));
      case CATEGORICAL -> {
        f.required("label", label);
        yield f.number("value");
      }
      case BOOLEAN -> booleanValue(f, raw);
    };
    Long at = Timestamps.read(f, "timestamp");
    return new Score(id, traceId, spanId, name, type, value, label,
        f.choice("source", SOURCES), f.longText("comment"), at != null ? at : nowNanos, f.stringMap("metadata"));
  }

  private static Double booleanValue(Fields f, JsonNode raw) {
    if (raw == null) throw f.error("value", "required");
    if (raw.isBoolean()) return raw.booleanValue() ? 1d : 0d;
    if (raw.isNumber() && (raw.doubleValue() == 0 || raw.doubleValue() == 1)) return raw.doubleValue();
    throw f.expected("value", "true, false, 0 or 1 for a boolean score", raw);
  }
}
