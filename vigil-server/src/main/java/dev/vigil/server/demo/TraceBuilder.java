package dev.vigil.server.demo;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the spans of one trace with times relative to the trace's start, then places the whole
 * trace so that it ends at a given instant: exporters send a trace once it has finished.
 */
final class TraceBuilder {
  private final Dice dice;
  private final ByteString traceId;
  private final Resource.Builder resource = Resource.newBuilder();
  private final InstrumentationScope scope;
  private final List<Span.Builder> spans = new ArrayList<>();

  TraceBuilder(Dice dice, String scopeName, String scopeVersion) {
    this.dice = dice;
    this.traceId = ByteString.copyFrom(dice.id(16));
    this.scope = InstrumentationScope.newBuilder().setName(scopeName).setVersion(scopeVersion).build();
  }

  TraceBuilder resource(String key, Object value) {
    resource.addAttributes(kv(key, value));
    return this;
  }

  /** A span from {@code startMillis} after the trace start lasting {@code millis}; root if parent is null. */
  Span.Builder span(Span.Builder parent, String name, Span.SpanKind kind, double startMillis, double millis) {
    long start = Math.round(startMillis * 1_000_000);
    Span.Builder span = Span.newBuilder()
        .setTraceId(traceId)
        .setSpanId(ByteString.copyFrom(dice.id(8)))
        .setName(name)
        .setKind(kind)
        .setStartTimeUnixNano(start)
        .setEndTimeUnixNano(start + Math.max(1, Math.round(millis * 1_000_000)));
    if (parent != null) span.setParentSpanId(parent.getSpanId());
    spans.add(span);
    return span;
  }

  static double endMillis(Span.Builder span) {
    return span.getEndTimeUnixNano() / 1e6;
  }

  static void stretch(Span.Builder parent, double endMillis, double tailMillis) {
    long end = Math.round((endMillis + tailMillis) * 1_000_000);
    if (end > parent.getEndTimeUnixNano()) parent.setEndTimeUnixNano(end);
  }

  static void put(Span.Builder span, String key, Object value) {
    if (value != null) span.addAttributes(kv(key, value));
  }

  static void fail(Span.Builder span, String errorType, String message) {
    put(span, "error.type", errorType);
    span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(message));
  }

  static void event(Span.Builder span, String name, Map<String, ?> attributes) {
    Span.Event.Builder event = Span.Event.newBuilder()
        .setName(name).setTimeUnixNano(span.getEndTimeUnixNano());
    attributes.forEach((k, v) -> event.addAttributes(kv(k, v)));
    span.addEvents(event);
  }

  /** Shifts every span so the latest end lands on {@code endEpochNanos}. */
  ResourceSpans build(long endEpochNanos) {
    long last = 0;
    for (Span.Builder s : spans) last = Math.max(last, s.getEndTimeUnixNano());
    long shift = endEpochNanos - last;
    ScopeSpans.Builder scoped = ScopeSpans.newBuilder().setScope(scope);
    for (Span.Builder s : spans) {
      s.setStartTimeUnixNano(s.getStartTimeUnixNano() + shift);
      s.setEndTimeUnixNano(s.getEndTimeUnixNano() + shift);
      for (Span.Event.Builder e : s.getEventsBuilderList()) e.setTimeUnixNano(e.getTimeUnixNano() + shift);
      scoped.addSpans(s);
    }
    return ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scoped).build();
  }

  static KeyValue kv(String key, Object value) {
    return KeyValue.newBuilder().setKey(key).setValue(any(value)).build();
  }

  private static AnyValue any(Object value) {
    return switch (value) {
      case String s -> AnyValue.newBuilder().setStringValue(s).build();
      case Integer i -> AnyValue.newBuilder().setIntValue(i).build();
      case Long l -> AnyValue.newBuilder().setIntValue(l).build();
      case Double d -> AnyValue.newBuilder().setDoubleValue(d).build();
      case Boolean b -> AnyValue.newBuilder().setBoolValue(b).build();
      case List<?> list -> {
        ArrayValue.Builder array = ArrayValue.newBuilder();
        for (Object o : list) array.addValues(any(o));
        yield AnyValue.newBuilder().setArrayValue(array).build();
      }
      default -> throw new IllegalArgumentException("unsupported attribute type: " + value.getClass());
    };
  }
}
