package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.vigil.model.Span;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds OTLP protos from plain Java values, for tests that need one attribute set, not a whole fixture. */
final class ProtoSpans {
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final long START = 1_767_225_600_000_000_000L;

  private ProtoSpans() {}

  static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static io.opentelemetry.proto.trace.v1.Span.Builder span(String spanId, String parentId, Object... keyValues) {
    io.opentelemetry.proto.trace.v1.Span.Builder b = io.opentelemetry.proto.trace.v1.Span.newBuilder()
        .setTraceId(id(TRACE))
        .setSpanId(id(spanId))
        .setName("span " + spanId)
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + 1_000_000)
        .addAllAttributes(kvs(keyValues));
    if (parentId != null) b.setParentSpanId(id(parentId));
    return b;
  }

  static List<KeyValue> kvs(Object... keyValues) {
    List<KeyValue> out = new java.util.ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.add(KeyValue.newBuilder().setKey((String) keyValues[i]).setValue(value(keyValues[i + 1])).build());
    }
    return out;
  }

  static AnyValue value(Object v) {
    AnyValue.Builder b = AnyValue.newBuilder();
    if (v instanceof String s) b.setStringValue(s);
    else if (v instanceof Boolean bool) b.setBoolValue(bool);
    else if (v instanceof Integer i) b.setIntValue(i);
    else if (v instanceof Long l) b.setIntValue(l);
    else if (v instanceof Double d) b.setDoubleValue(d);
    else if (v instanceof byte[] bytes) b.setBytesValue(ByteString.copyFrom(bytes));
    else if (v instanceof List<?> list) {
      ArrayValue.Builder array = ArrayValue.newBuilder();
      for (Object o : list) array.addValues(value(o));
      b.setArrayValue(array);
    } else if (v instanceof Map<?, ?> map) {
      KeyValueList.Builder kvl = KeyValueList.newBuilder();
      map.forEach((k, val) -> kvl.addValues(KeyValue.newBuilder().setKey((String) k).setValue(value(val))));
      b.setKvlistValue(kvl);
    } else throw new IllegalArgumentException("unsupported " + v);
    return b.build();
  }

  static ResourceSpans resource(Map<String, Object> resourceAttributes,
      io.opentelemetry.proto.trace.v1.Span.Builder... spans) {
    Object[] kv = resourceAttributes.entrySet().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (io.opentelemetry.proto.trace.v1.Span.Builder s : spans) scope.addSpans(s);
    return ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAllAttributes(kvs(kv)))
        .addScopeSpans(scope)
        .build();
  }

  static ExportTraceServiceRequest request(io.opentelemetry.proto.trace.v1.Span.Builder... spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(resource(Map.of("service.name", "svc"), spans))
        .build();
  }

  /** Normalized from the generated messages and, as binary protobuf, by the direct decoder: both agree. */
  static NormalizedTraces normalize(io.opentelemetry.proto.trace.v1.Span.Builder... spans) {
    ExportTraceServiceRequest request = request(spans);
    NormalizedTraces fromMessages = new TraceNormalizer().normalize(request, "vigil.feature");
    NormalizedTraces decoded = new TraceNormalizer().normalize(
        OtlpDecoding.decodeTracesProtobuf(request.toByteArray()), "vigil.feature");
    assertThat(decoded).isEqualTo(fromMessages);
    return decoded;
  }

  /** The single span normalized from one span with these attributes. */
  static Span one(Object... keyValues) {
    NormalizedTraces result = normalize(span("b7ad6b7169203331", null, keyValues));
    assertThat(result.errors()).isEmpty();
    assertThat(result.spans()).hasSize(1);
    return result.spans().get(0);
  }
}
