package dev.vigil.server.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test helpers to read the generated OTLP back. */
final class Traces {
  private Traces() {}

  static List<Span> spans(ResourceSpans rs) {
    List<Span> spans = new ArrayList<>();
    for (ScopeSpans ss : rs.getScopeSpansList()) spans.addAll(ss.getSpansList());
    return spans;
  }

  static List<ResourceSpans> all(List<ExportTraceServiceRequest> requests) {
    List<ResourceSpans> out = new ArrayList<>();
    for (ExportTraceServiceRequest r : requests) out.addAll(r.getResourceSpansList());
    return out;
  }

  static Map<String, AnyValue> attributes(List<KeyValue> kvs) {
    Map<String, AnyValue> map = new TreeMap<>();
    for (KeyValue kv : kvs) map.put(kv.getKey(), kv.getValue());
    return map;
  }

  static Optional<String> string(Span span, String key) {
    return span.getAttributesList().stream().filter(kv -> kv.getKey().equals(key))
        .map(kv -> kv.getValue().getStringValue()).findFirst();
  }

  static Optional<String> resource(ResourceSpans rs, String key) {
    return rs.getResource().getAttributesList().stream().filter(kv -> kv.getKey().equals(key))
        .map(kv -> kv.getValue().getStringValue()).findFirst();
  }

  /** Every string in the trace: attribute values (arrays flattened) and event attribute values. */
  static List<String> strings(ResourceSpans rs) {
    List<String> out = new ArrayList<>();
    for (Span s : spans(rs)) {
      for (KeyValue kv : s.getAttributesList()) collect(kv.getValue(), out);
      for (Span.Event e : s.getEventsList()) for (KeyValue kv : e.getAttributesList()) collect(kv.getValue(), out);
    }
    return out;
  }

  private static void collect(AnyValue v, List<String> out) {
    if (v.hasStringValue()) out.add(v.getStringValue());
    if (v.hasArrayValue()) for (AnyValue x : v.getArrayValue().getValuesList()) collect(x, out);
  }
}
