package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Content;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import java.util.Map;

/**
 * One OTLP span (ids and times already checked) to a {@link Draft}: everything but the inherited
 * context, which needs the whole request.
 */
final class SpanMapper {
  private SpanMapper() {}

  /** A mapped span waiting for its ancestors' context. */
  record Draft(Span.Builder builder, String traceId, String spanId, String parentSpanId, Inherited own) {}

  static Draft map(io.opentelemetry.proto.trace.v1.Span span, SpanIds ids, Map<String, Object> resource,
      InstrumentationScope scope, String featureAttribute) {
    Map<String, Object> attributes = AnyValues.map(span.getAttributesList());
    SpanAttributes a = new SpanAttributes(attributes, resource);
    SpanEvents events = SpanEvents.of(span);
    SpanType type = SpanTypes.classify(a);
    MessagesMapper.Messages messages = MessagesMapper.map(a, events);
    Content content = ContentMapper.content(a, type, messages);
    StatusCode status = StatusCode.fromOtlp(span.getStatus().getCodeValue());
    String statusMessage = span.getStatus().getMessage();
    if (statusMessage.isEmpty()) statusMessage = status == StatusCode.ERROR ? events.exceptionMessage() : null;
    String errorType = a.text("error.type");
    if (errorType == null) errorType = events.exceptionType();

    Span.Builder b = Span.builder()
        .traceId(ids.traceId())
        .spanId(ids.spanId())
        .parentSpanId(ids.parentSpanId())
        .name(span.getName())
        .kind(SpanKind.fromOtlp(span.getKindValue()))
        .type(type)
        .startEpochNanos(span.getStartTimeUnixNano())
        .endEpochNanos(span.getEndTimeUnixNano())
        .status(status)
        .statusMessage(statusMessage)
        .errorType(errorType)
        .serviceName(ContextMapper.serviceName(a))
        .tags(ContextMapper.tags(a))
        .metadata(ContextMapper.metadata(a))
        .release(ContextMapper.release(a))
        .content(content)
        .attributes(withScope(a.raw(), scope))
        .resourceAttributes(resource)
        .events(events.kept());
    if (type == SpanType.LLM || type == SpanType.EMBEDDING) {
      b.llm(LlmCallMapper.map(a, type, span.getStartTimeUnixNano(), messages.output()));
    }
    return new Draft(b, ids.traceId(), ids.spanId(), ids.parentSpanId(),
        ContextMapper.inherited(a, featureAttribute));
  }

  /** Which instrumentation sent the span, named as OTel's non-OTLP exporters name it. */
  private static Map<String, Object> withScope(Map<String, Object> raw, InstrumentationScope scope) {
    if (!scope.getName().isEmpty()) raw.putIfAbsent("otel.scope.name", scope.getName());
    if (!scope.getVersion().isEmpty()) raw.putIfAbsent("otel.scope.version", scope.getVersion());
    return raw;
  }

  /** Checked, lower-case hex ids of one span; {@code parentSpanId} null for a root. */
  record SpanIds(String traceId, String spanId, String parentSpanId) {}
}
