package dev.vigil.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One span, normalized: whatever dialect a client spoke (OTel GenAI old or new names, OpenInference,
 * OpenLLMetry, Vigil's JSON API), it arrives here in one shape. Ids are lower-case hex (32 chars for
 * traces, 16 for spans). Text fields have already been PII-masked when a span reaches storage.
 */
public record Span(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    SpanKind kind,
    SpanType type,
    long startEpochNanos,
    long endEpochNanos,
    StatusCode status,
    String statusMessage,
    String errorType,
    String serviceName,
    String feature,
    String userId,
    String sessionId,
    List<String> tags,
    Map<String, String> metadata,
    String promptName,
    String promptVersion,
    String environment,
    String release,
    LlmCall llm,
    Content content,
    Map<String, Object> attributes,
    Map<String, Object> resourceAttributes,
    List<SpanEvent> events,
    Map<String, Integer> piiCounts) {

  public Span {
    Objects.requireNonNull(traceId, "traceId == null");
    Objects.requireNonNull(spanId, "spanId == null");
    if (parentSpanId != null && parentSpanId.isEmpty()) parentSpanId = null;
    name = name == null ? "" : name;
    kind = kind == null ? SpanKind.UNSPECIFIED : kind;
    type = type == null ? SpanType.OTHER : type;
    status = status == null ? StatusCode.UNSET : status;
    serviceName = serviceName == null ? "unknown_service" : serviceName;
    feature = feature == null ? serviceName : feature;
    tags = tags == null ? List.of() : List.copyOf(tags);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    content = content == null ? Content.EMPTY : content;
    attributes = attributes == null ? Map.of() : Attributes.copyOf(attributes);
    resourceAttributes = resourceAttributes == null ? Map.of() : Attributes.copyOf(resourceAttributes);
    events = events == null ? List.of() : List.copyOf(events);
    piiCounts = piiCounts == null ? Map.of() : Map.copyOf(piiCounts);
  }

  public boolean isRoot() {
    return parentSpanId == null;
  }

  public boolean isError() {
    return status == StatusCode.ERROR;
  }

  public long durationNanos() {
    return Math.max(0, endEpochNanos - startEpochNanos);
  }

  /** This span with another model call; no re-validation, for pipeline stages that enrich spans. */
  public Span withLlm(LlmCall newLlm) {
    return new Span(traceId, spanId, parentSpanId, name, kind, type, startEpochNanos, endEpochNanos, status,
        statusMessage, errorType, serviceName, feature, userId, sessionId, tags, metadata, promptName,
        promptVersion, environment, release, newLlm, content, attributes, resourceAttributes, events, piiCounts);
  }

  /** This span with other content and PII counts (masking, attachment merging). */
  public Span withContent(Content newContent, Map<String, Integer> newPiiCounts) {
    return new Span(traceId, spanId, parentSpanId, name, kind, type, startEpochNanos, endEpochNanos, status,
        statusMessage, errorType, serviceName, feature, userId, sessionId, tags, metadata, promptName,
        promptVersion, environment, release, llm, newContent, attributes, resourceAttributes, events, newPiiCounts);
  }

  /**
   * This span without its payload (content, attributes, events): what a listener that reads only the
   * span's identity, times and dimensions gets, so storage need not hold every payload until indexed.
   */
  public Span withoutPayload() {
    return new Span(traceId, spanId, parentSpanId, name, kind, type, startEpochNanos, endEpochNanos, status,
        statusMessage, errorType, serviceName, feature, userId, sessionId, tags, metadata, promptName,
        promptVersion, environment, release, llm, null, Map.of(), Map.of(), List.of(), piiCounts);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.traceId = traceId;
    b.spanId = spanId;
    b.parentSpanId = parentSpanId;
    b.name = name;
    b.kind = kind;
    b.type = type;
    b.startEpochNanos = startEpochNanos;
    b.endEpochNanos = endEpochNanos;
    b.status = status;
    b.statusMessage = statusMessage;
    b.errorType = errorType;
    b.serviceName = serviceName;
    b.feature = feature;
    b.userId = userId;
    b.sessionId = sessionId;
    b.tags = tags;
    b.metadata = metadata;
    b.promptName = promptName;
    b.promptVersion = promptVersion;
    b.environment = environment;
    b.release = release;
    b.llm = llm;
    b.content = content;
    b.attributes = attributes;
    b.resourceAttributes = resourceAttributes;
    b.events = events;
    b.piiCounts = piiCounts;
    return b;
  }

  /** Fails fast with a message that names the bad field. */
  public static final class Builder {
    String traceId;
    String spanId;
    String parentSpanId;
    String name;
    SpanKind kind;
    SpanType type;
    long startEpochNanos;
    long endEpochNanos;
    StatusCode status;
    String statusMessage;
    String errorType;
    String serviceName;
    String feature;
    String userId;
    String sessionId;
    List<String> tags;
    Map<String, String> metadata;
    String promptName;
    String promptVersion;
    String environment;
    String release;
    LlmCall llm;
    Content content;
    Map<String, Object> attributes;
    Map<String, Object> resourceAttributes;
    List<SpanEvent> events;
    Map<String, Integer> piiCounts;

    Builder() {}

    public Builder traceId(String v) { traceId = Ids.requireTraceId(v); return this; }
    public Builder spanId(String v) { spanId = Ids.requireSpanId(v, "spanId"); return this; }
    public Builder parentSpanId(String v) {
      parentSpanId = v == null || v.isEmpty() ? null : Ids.requireSpanId(v, "parentSpanId");
      return this;
    }
    public Builder name(String v) { name = v; return this; }
    public Builder kind(SpanKind v) { kind = v; return this; }
    public Builder type(SpanType v) { type = v; return this; }
    public Builder startEpochNanos(long v) { startEpochNanos = v; return this; }
    public Builder endEpochNanos(long v) { endEpochNanos = v; return this; }
    public Builder status(StatusCode v) { status = v; return this; }
    public Builder statusMessage(String v) { statusMessage = v; return this; }
    public Builder errorType(String v) { errorType = v; return this; }
    public Builder serviceName(String v) { serviceName = v; return this; }
    public Builder feature(String v) { feature = v; return this; }
    public Builder userId(String v) { userId = v; return this; }
    public Builder sessionId(String v) { sessionId = v; return this; }
    public Builder tags(List<String> v) { tags = v; return this; }
    public Builder metadata(Map<String, String> v) { metadata = v; return this; }
    public Builder promptName(String v) { promptName = v; return this; }
    public Builder promptVersion(String v) { promptVersion = v; return this; }
    public Builder environment(String v) { environment = v; return this; }
    public Builder release(String v) { release = v; return this; }
    public Builder llm(LlmCall v) { llm = v; return this; }
    public Builder content(Content v) { content = v; return this; }
    public Builder attributes(Map<String, Object> v) { attributes = v; return this; }
    public Builder resourceAttributes(Map<String, Object> v) { resourceAttributes = v; return this; }
    public Builder events(List<SpanEvent> v) { events = v; return this; }
    public Builder piiCounts(Map<String, Integer> v) { piiCounts = v; return this; }

    public Span build() {
      if (traceId == null) throw new IllegalArgumentException("traceId is required");
      if (spanId == null) throw new IllegalArgumentException("spanId is required");
      if (startEpochNanos <= 0) throw new IllegalArgumentException("startEpochNanos must be positive");
      if (endEpochNanos == 0) endEpochNanos = startEpochNanos;
      if (endEpochNanos < startEpochNanos) {
        throw new IllegalArgumentException("endEpochNanos is before startEpochNanos");
      }
      return new Span(traceId, spanId, parentSpanId, name, kind, type, startEpochNanos, endEpochNanos,
          status, statusMessage, errorType, serviceName, feature, userId, sessionId, tags, metadata,
          promptName, promptVersion, environment, release, llm, content, attributes, resourceAttributes,
          events, piiCounts);
    }
  }
}
