package dev.vigil.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Logical spans → OTLP/protobuf, one ResourceSpans per service, and the offsets of every id. */
final class OtlpEncoder {
  private OtlpEncoder() {}

  static Payload encode(List<BenchSpan> spans) {
    Map<String, ScopeSpans.Builder> byService = new LinkedHashMap<>();
    for (BenchSpan s : spans) {
      byService.computeIfAbsent(s.service(), k -> ScopeSpans.newBuilder()
          .setScope(InstrumentationScope.newBuilder().setName("opentelemetry.instrumentation.openai_v2").setVersion("2.1b0")))
          .addSpans(span(s));
    }
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    byService.forEach((service, scope) -> request.addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder()
            .addAttributes(kv("service.name", service))
            .addAttributes(kv("service.version", "2.15.0"))
            .addAttributes(kv("deployment.environment.name", "production"))
            .addAttributes(kv("telemetry.sdk.language", "python")))
        .addScopeSpans(scope)));
    byte[] body = request.build().toByteArray();
    IdScanner ids = IdScanner.scan(body);
    return new Payload(body, ids.traceIds(), ids.spanIds(), false, spans.size());
  }

  private static Span span(BenchSpan s) {
    Span.Builder b = Span.newBuilder()
        .setTraceId(ByteString.copyFrom(s.traceId()))
        .setSpanId(ByteString.copyFrom(s.spanId()))
        .setName(s.name())
        .setKind(switch (s.kind()) {
          case SERVER -> Span.SpanKind.SPAN_KIND_SERVER;
          case CLIENT -> Span.SpanKind.SPAN_KIND_CLIENT;
          case INTERNAL -> Span.SpanKind.SPAN_KIND_INTERNAL;
        })
        .setStartTimeUnixNano(s.startNanos())
        .setEndTimeUnixNano(s.endNanos());
    if (s.parentId() != null) b.setParentSpanId(ByteString.copyFrom(s.parentId()));
    s.attributes().forEach((k, v) -> b.addAttributes(kv(k, v)));
    if (s.error() != null) {
      b.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(s.error()));
    }
    return b.build();
  }

  private static KeyValue kv(String key, Object value) {
    return KeyValue.newBuilder().setKey(key).setValue(any(value)).build();
  }

  private static AnyValue any(Object value) {
    return switch (value) {
      case String v -> AnyValue.newBuilder().setStringValue(v).build();
      case Long v -> AnyValue.newBuilder().setIntValue(v).build();
      case Integer v -> AnyValue.newBuilder().setIntValue(v).build();
      case Double v -> AnyValue.newBuilder().setDoubleValue(v).build();
      case Boolean v -> AnyValue.newBuilder().setBoolValue(v).build();
      case List<?> v -> {
        ArrayValue.Builder array = ArrayValue.newBuilder();
        v.forEach(x -> array.addValues(any(x)));
        yield AnyValue.newBuilder().setArrayValue(array).build();
      }
      default -> throw new IllegalArgumentException("unsupported attribute " + value.getClass());
    };
  }
}
