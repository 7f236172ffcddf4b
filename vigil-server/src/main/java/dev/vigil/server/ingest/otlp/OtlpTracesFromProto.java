package dev.vigil.server.ingest.otlp;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.List;

/** Generated OTLP messages (from OTLP/JSON, or built by tests) to {@link OtlpTraces}. */
final class OtlpTracesFromProto {
  private OtlpTracesFromProto() {}

  static OtlpTraces of(ExportTraceServiceRequest request) {
    List<OtlpTraces.Resource> resources = new ArrayList<>(request.getResourceSpansCount());
    for (ResourceSpans rs : request.getResourceSpansList()) {
      List<OtlpTraces.Scope> scopes = new ArrayList<>(rs.getScopeSpansCount());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        List<OtlpTraces.Span> spans = new ArrayList<>(ss.getSpansCount());
        for (io.opentelemetry.proto.trace.v1.Span s : ss.getSpansList()) spans.add(span(s));
        scopes.add(new OtlpTraces.Scope(ss.getScope().getName(), ss.getScope().getVersion(), spans));
      }
      resources.add(new OtlpTraces.Resource(attrs(rs.getResource().getAttributesList()), scopes));
    }
    return new OtlpTraces(resources);
  }

  private static OtlpTraces.Span span(io.opentelemetry.proto.trace.v1.Span s) {
    List<OtlpTraces.Event> events = new ArrayList<>(s.getEventsCount());
    for (io.opentelemetry.proto.trace.v1.Span.Event e : s.getEventsList()) {
      events.add(new OtlpTraces.Event(e.getName(), e.getTimeUnixNano(), attrs(e.getAttributesList())));
    }
    return new OtlpTraces.Span(s.getTraceId().toByteArray(), s.getSpanId().toByteArray(),
        s.getParentSpanId().toByteArray(), s.getName(), s.getKindValue(), s.getStartTimeUnixNano(),
        s.getEndTimeUnixNano(), attrs(s.getAttributesList()), events, s.getStatus().getCodeValue(),
        s.getStatus().getMessage());
  }

  static OtlpTraces.Attrs attrs(List<KeyValue> keyValues) {
    if (keyValues.isEmpty()) return OtlpTraces.Attrs.EMPTY;
    OtlpTraces.Attrs attrs = new OtlpTraces.Attrs(keyValues.size());
    for (KeyValue kv : keyValues) {
      Object value = AnyValues.toJava(kv.getValue());
      if (value != null) attrs.add(kv.getKey(), value);
    }
    return attrs;
  }
}
