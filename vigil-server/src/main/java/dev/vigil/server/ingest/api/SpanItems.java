package dev.vigil.server.ingest.api;

import dev.vigil.model.LlmCall;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;

/**
 * Decodes "trace" and "span" items; both become a {@link Span}. A trace item is the root span of its
 * trace: its span_id is optional (derived from the trace id) and it takes no parent_span_id.
 */
final class SpanItems {
  private static final Choice<SpanType> SPAN_TYPES = Choice.of(SpanType.class);
  private static final Choice<StatusCode> STATUSES = Choice.of(StatusCode.class);
  private static final int SHORT = Limits.MAX_SHORT_CHARS;

  record Ids(String traceId, String spanId, String parentSpanId) {}

  private SpanItems() {}

  static Ids ids(Fields f, boolean traceItem) {
    String traceId = f.required("trace_id", NativeIds.traceId(f, "trace_id"));
    if (traceItem) {
      if (f.has("parent_span_id")) {
        throw f.error("parent_span_id", "not allowed on a trace item, which is the root span");
      }
      String spanId = NativeIds.spanId(f, "span_id");
      return new Ids(traceId, spanId != null ? spanId : NativeIds.rootSpanId(traceId), null);
    }
    String spanId = f.required("span_id", NativeIds.spanId(f, "span_id"));
    String parent = NativeIds.spanId(f, "parent_span_id");
    if (spanId.equals(parent)) throw f.error("parent_span_id", "must differ from span_id");
    return new Ids(traceId, spanId, parent);
  }

  static Span decode(Fields f, Ids ids) {
    long start = Timestamps.required(f, "start_time");
    Long end = Timestamps.read(f, "end_time");
    if (end != null && end < start) throw f.error(Timestamps.sentAs(f, "end_time"), "before start_time");

    String model = f.text("model", SHORT);
    SpanType type = f.choice("span_type", SPAN_TYPES);
    if (type == null) type = model != null ? SpanType.LLM : SpanType.OTHER;
    LlmCall llm = LlmFields.decode(f, type);
    String name = f.text("name", SHORT);
    if (name == null && model != null) {
      name = llm.operation() == null ? model : llm.operation() + " " + model; // OTel's "chat gpt-4o"
    }
    String service = f.text("service_name", SHORT);
    String feature = f.text("feature", SHORT);

    Span.Builder b = Span.builder()
        .name(f.required("name", name))
        .type(type)
        .kind(llm != null ? SpanKind.CLIENT : SpanKind.INTERNAL)
        .startEpochNanos(start)
        .endEpochNanos(end == null ? start : end)
        .status(f.choice("status", STATUSES))
        .statusMessage(f.longText("status_message"))
        .errorType(f.text("error_type", SHORT))
        .serviceName(service != null ? service : "unknown_service")
        .feature(feature != null ? feature : service != null ? service : "default")
        .userId(f.text("user_id", SHORT))
        .sessionId(f.text("session_id", SHORT))
        .tags(f.strings("tags", Limits.MAX_TAGS))
        .metadata(f.stringMap("metadata"))
        .promptName(f.text("prompt_name", SHORT))
        .promptVersion(f.text("prompt_version", SHORT))
        .environment(f.text("environment", SHORT))
        .release(f.text("release", SHORT))
        .llm(llm)
        .content(ContentFields.decode(f))
        .attributes(f.valueMap("attributes"));
    try {
      return b.traceId(ids.traceId()).spanId(ids.spanId()).parentSpanId(ids.parentSpanId()).build();
    } catch (IllegalArgumentException e) {
      throw new InvalidItem(f.path() + ": " + e.getMessage()); // not expected: ids and times are checked above
    }
  }
}
