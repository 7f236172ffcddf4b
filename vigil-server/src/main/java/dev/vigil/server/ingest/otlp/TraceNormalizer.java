package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Attributes;
import dev.vigil.model.Ids;
import dev.vigil.model.ProjectSettings;
import dev.vigil.model.Span;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Normalizes an OTLP trace request, whatever GenAI dialect its spans speak (OTel GenAI old and new
 * names, OpenInference, OpenLLMetry), into {@link Span}s. A span with unusable ids or times is
 * rejected alone; the rest of the batch goes through. Stateless and thread-safe.
 */
public final class TraceNormalizer {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  /**
   * @param featureAttribute the attribute that names a span's feature (span first, then resource);
   *     spans without it fall back to their service name
   */
  public NormalizedTraces normalize(ExportTraceServiceRequest request, String featureAttribute) {
    return normalize(OtlpTraces.of(request), featureAttribute);
  }

  /** The same, for a request decoded by {@link OtlpDecoding#decodeTracesProtobuf}. */
  public NormalizedTraces normalize(OtlpTraces request, String featureAttribute) {
    String feature = featureAttribute == null || featureAttribute.isBlank()
        ? ProjectSettings.DEFAULT_FEATURE_ATTRIBUTE : featureAttribute;
    Rejections rejections = new Rejections();
    List<SpanMapper.Draft> drafts = new ArrayList<>();
    for (int r = 0; r < request.resources().size(); r++) {
      OtlpTraces.Resource rs = request.resources().get(r);
      // frozen once: every span of this resource shares the map instead of copying it
      Map<String, Object> resource = Attributes.copyOf(rs.attributes().toMap());
      ContextMapper.ResourceContext resourceContext = ContextMapper.resource(resource, feature);
      for (int s = 0; s < rs.scopes().size(); s++) {
        OtlpTraces.Scope ss = rs.scopes().get(s);
        for (int i = 0; i < ss.spans().size(); i++) {
          OtlpTraces.Span span = ss.spans().get(i);
          try {
            SpanMapper.SpanIds ids = checked(span);
            drafts.add(SpanMapper.map(span, ids, resource, resourceContext, ss, feature));
          } catch (IllegalArgumentException e) {
            rejections.add("resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "] '"
                + abbreviate(span.name()) + "': " + e.getMessage());
          }
        }
      }
    }
    List<Span> spans = Inheritance.resolve(drafts, rejections);
    return new NormalizedTraces(spans, rejections.count(), rejections.messages());
  }

  /** Ids and times that make a usable span, else an IllegalArgumentException saying which is wrong. */
  private static SpanMapper.SpanIds checked(OtlpTraces.Span span) {
    String traceId = hexId(span.traceId(), 16, "traceId");
    String spanId = hexId(span.spanId(), 8, "spanId");
    byte[] parent = span.parentSpanId();
    // An all-zero parent is how some SDKs write "no parent": a root, not an error.
    String parentSpanId = parent.length == 0 || allZero(parent) ? null : hexId(parent, 8, "parentSpanId");
    long start = span.start();
    long end = span.end();
    if (start == 0) throw new IllegalArgumentException("startTimeUnixNano is missing");
    if (start < 0) throw new IllegalArgumentException("startTimeUnixNano is out of range");
    if (end == 0) throw new IllegalArgumentException("endTimeUnixNano is missing");
    if (Long.compareUnsigned(end, start) < 0) {
      throw new IllegalArgumentException("endTimeUnixNano " + end + " is before startTimeUnixNano " + start);
    }
    if (end < 0) throw new IllegalArgumentException("endTimeUnixNano is out of range");
    return new SpanMapper.SpanIds(traceId, spanId, parentSpanId);
  }

  /**
   * What {@link Ids#traceId} and {@link Ids#spanId} make of the id, same messages included, without
   * their copy of the bytes and a second pass over the hex: lower-case hex of the right length, never
   * all zeros. The only check the ids get, as SpanMapper.Draft builds Spans without Span.Builder.
   */
  static String hexId(byte[] id, int length, String field) {
    if (id.length != length) throw new IllegalArgumentException(field + " must be " + length + " bytes, got " + id.length);
    byte[] hex = new byte[length * 2];
    int any = 0;
    for (int i = 0; i < length; i++) {
      int b = id[i];
      any |= b;
      hex[2 * i] = HEX[(b >> 4) & 0xf];
      hex[2 * i + 1] = HEX[b & 0xf];
    }
    if (any == 0) throw new IllegalArgumentException(field + " must not be all zeros");
    return new String(hex, StandardCharsets.ISO_8859_1);
  }

  static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) return false;
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
