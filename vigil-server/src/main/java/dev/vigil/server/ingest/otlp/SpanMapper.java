package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Content;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Span;
import dev.vigil.model.SpanEvent;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import java.util.List;
import java.util.Map;

/**
 * One OTLP span (ids and times already checked) to a {@link Draft}: everything but the inherited
 * context, which needs the whole request.
 */
final class SpanMapper {
  /** StatusCode and SpanKind by OTLP number, as their fromOtlp maps them, without its two values() copies. */
  private static final StatusCode[] STATUS_CODES = StatusCode.values();
  private static final SpanKind[] SPAN_KINDS = SpanKind.values();

  private SpanMapper() {}

  /**
   * A mapped span waiting for its ancestors' context; the mutable fields are Inheritance's. It builds
   * the Span with the record's constructor rather than Span.Builder: the builder would validate the
   * ids and times again, which {@link TraceNormalizer} already checked (hexId makes lower-case hex,
   * never all zeros; times are set and in order), so its checks cannot fail and build() would pass
   * the same values to the same constructor.
   */
  static final class Draft {
    final String traceId;
    final String spanId;
    final String parentSpanId;
    final Inherited own;
    private final OtlpTraces.Span span;
    private final SpanType type;
    private final StatusCode status;
    private final String statusMessage;
    private final String errorType;
    private final String serviceName;
    private final List<String> tags;
    private final Map<String, String> metadata;
    private final String release;
    private final LlmCall llm;
    private final Content content;
    private final Map<String, Object> attributes;
    private final Map<String, Object> resourceAttributes;
    private final List<SpanEvent> events;
    /** The previously listed draft with the same span id (in another trace, or a duplicate). */
    Draft sameSpanId;
    /** What it inherits, once known. */
    Inherited resolved;

    private Draft(OtlpTraces.Span span, SpanIds ids, SpanType type, StatusCode status,
        String statusMessage, String errorType, String serviceName, List<String> tags, Map<String, String> metadata,
        String release, LlmCall llm, Content content, Map<String, Object> attributes,
        Map<String, Object> resourceAttributes, List<SpanEvent> events, Inherited own) {
      this.span = span;
      this.traceId = ids.traceId();
      this.spanId = ids.spanId();
      this.parentSpanId = ids.parentSpanId();
      this.type = type;
      this.status = status;
      this.statusMessage = statusMessage;
      this.errorType = errorType;
      this.serviceName = serviceName;
      this.tags = tags;
      this.metadata = metadata;
      this.release = release;
      this.llm = llm;
      this.content = content;
      this.attributes = attributes;
      this.resourceAttributes = resourceAttributes;
      this.events = events;
      this.own = own;
    }

    Span build(Inherited context) {
      int kind = span.kind();
      return new Span(traceId, spanId, parentSpanId, span.name(),
          kind >= 0 && kind < SPAN_KINDS.length ? SPAN_KINDS[kind] : SpanKind.UNSPECIFIED, type,
          span.start(), span.end(), status, statusMessage, errorType, serviceName,
          context.feature(), context.userId(), context.sessionId(), tags, metadata, context.promptName(),
          context.promptVersion(), context.environment(), release, llm, content, attributes, resourceAttributes,
          events, null);
    }
  }

  static Draft map(OtlpTraces.Span span, SpanIds ids, Map<String, Object> resource,
      ContextMapper.ResourceContext resourceContext, OtlpTraces.Scope scope, String featureAttribute) {
    SpanAttributes a = new SpanAttributes(span.attributes());
    SpanEvents events = SpanEvents.of(span);
    SpanType type = SpanTypes.classify(a);
    MessagesMapper.Messages messages = MessagesMapper.map(a, events);
    Content content = ContentMapper.content(a, type, messages);
    int code = span.statusCode();
    StatusCode status = code >= 0 && code < STATUS_CODES.length ? STATUS_CODES[code] : StatusCode.UNSET;
    String statusMessage = span.statusMessage();
    if (statusMessage.isEmpty()) statusMessage = status == StatusCode.ERROR ? events.exceptionMessage() : null;
    String errorType = a.text("error.type");
    if (errorType == null) errorType = events.exceptionType();
    List<String> tags = ContextMapper.tags(a);
    Map<String, String> metadata = ContextMapper.metadata(a);
    String release = ContextMapper.release(a, resourceContext);
    Map<String, Object> attributes = a.raw(scope.name(), scope.version()); // before the lookups that may see it
    LlmCall llm = type == SpanType.LLM || type == SpanType.EMBEDDING
        ? LlmCallMapper.map(a, type, span.start(), messages.output()) : null;
    return new Draft(span, ids, type, status, statusMessage, errorType, resourceContext.serviceName(), tags, metadata,
        release, llm, content, attributes, resource, events.kept(), ContextMapper.inherited(a, resourceContext,
        featureAttribute));
  }

  /** Checked, lower-case hex ids of one span; {@code parentSpanId} null for a root. */
  record SpanIds(String traceId, String spanId, String parentSpanId) {}
}
