package dev.vigil.server.ingest.otlp;

import com.google.protobuf.ByteString;
import dev.vigil.model.Ids;
import dev.vigil.model.ProjectSettings;
import dev.vigil.model.Span;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Normalizes an OTLP trace request, whatever GenAI dialect its spans speak (OTel GenAI old and new
 * names, OpenInference, OpenLLMetry), into {@link Span}s. A span with unusable ids or times is
 * rejected alone; the rest of the batch goes through. Stateless and thread-safe.
 */
public final class TraceNormalizer {
  /**
   * @param featureAttribute the attribute that names a span's feature (span first, then resource);
   *     spans without it fall back to their service name
   */
  public NormalizedTraces normalize(ExportTraceServiceRequest request, String featureAttribute) {
    String feature = featureAttribute == null || featureAttribute.isBlank()
        ? ProjectSettings.DEFAULT_FEATURE_ATTRIBUTE : featureAttribute;
    Rejections rejections = new Rejections();
    List<SpanMapper.Draft> drafts = new ArrayList<>();
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans rs = request.getResourceSpans(r);
      Map<String, Object> resource = AnyValues.map(rs.getResource().getAttributesList());
      for (int s = 0; s < rs.getScopeSpansCount(); s++) {
        ScopeSpans ss = rs.getScopeSpans(s);
        for (int i = 0; i < ss.getSpansCount(); i++) {
          io.opentelemetry.proto.trace.v1.Span span = ss.getSpans(i);
          try {
            SpanMapper.SpanIds ids = checked(span);
            drafts.add(SpanMapper.map(span, ids, resource, ss.getScope(), feature));
          } catch (IllegalArgumentException e) {
            rejections.add("resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "] '"
                + abbreviate(span.getName()) + "': " + e.getMessage());
          }
        }
      }
    }
    List<Span> spans = Inheritance.resolve(drafts, rejections);
    return new NormalizedTraces(spans, rejections.count(), rejections.messages());
  }

  /** Ids and times that make a usable span, else an IllegalArgumentException saying which is wrong. */
  private static SpanMapper.SpanIds checked(io.opentelemetry.proto.trace.v1.Span span) {
    String traceId = Ids.traceId(span.getTraceId().toByteArray());
    String spanId = Ids.spanId(span.getSpanId().toByteArray(), "spanId");
    ByteString parent = span.getParentSpanId();
    // An all-zero parent is how some SDKs write "no parent": a root, not an error.
    String parentSpanId = parent.isEmpty() || allZero(parent) ? null : Ids.spanId(parent.toByteArray(), "parentSpanId");
    long start = span.getStartTimeUnixNano();
    long end = span.getEndTimeUnixNano();
    if (start == 0) throw new IllegalArgumentException("startTimeUnixNano is missing");
    if (start < 0) throw new IllegalArgumentException("startTimeUnixNano is out of range");
    if (end == 0) throw new IllegalArgumentException("endTimeUnixNano is missing");
    if (Long.compareUnsigned(end, start) < 0) {
      throw new IllegalArgumentException("endTimeUnixNano " + end + " is before startTimeUnixNano " + start);
    }
    if (end < 0) throw new IllegalArgumentException("endTimeUnixNano is out of range");
    return new SpanMapper.SpanIds(traceId, spanId, parentSpanId);
  }

  static boolean allZero(ByteString bytes) {
    for (int i = 0; i < bytes.size(); i++) {
      if (bytes.byteAt(i) != 0) return false;
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
