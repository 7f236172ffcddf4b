package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadTest {
  private static final long NOW = 1_795_000_000_000_000_000L;
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void otlpBatchHasTheAdvertisedShape() throws Exception {
    List<BenchSpan> spans = new SpanFactory(1).batch(512, NOW);
    Payload p = OtlpEncoder.encode(spans);
    assertThat(p.spans()).isEqualTo(512);
    assertThat(p.traceIdOffsets()).hasSize(512);
    assertThat(p.body().length / 512.0).as("bytes per span").isBetween(1200.0, 1500.0);
    long llm = spans.stream().filter(s -> s.kind() == BenchSpan.Kind.CLIENT).count();
    assertThat(spans.stream().filter(s -> s.kind() == BenchSpan.Kind.CLIENT).findFirst().orElseThrow()
        .attributes().keySet().stream().filter(k -> k.startsWith("gen_ai.")).count()).isEqualTo(23);
    assertThat(llm).isBetween(250L, 420L);
  }

  @Test
  void stampedOtlpIdsAreUniqueAcrossSendsAndKeepParents() throws Exception {
    Payload p = OtlpEncoder.encode(new SpanFactory(2).batch(512, NOW));
    byte[] scratch = new byte[p.body().length];
    Set<String> traceIds = new HashSet<>();
    Set<String> spanIds = new HashSet<>();
    for (long send = 1; send <= 3; send++) {
      p.stamp(send, scratch);
      List<Span> spans = spans(ExportTraceServiceRequest.parseFrom(java.util.Arrays.copyOf(scratch, p.body().length)));
      assertThat(spans).hasSize(512);
      Set<String> idsThisSend = new HashSet<>();
      Set<String> tracesThisSend = new HashSet<>();
      for (Span s : spans) {
        idsThisSend.add(HEX.formatHex(s.getSpanId().toByteArray()));
        tracesThisSend.add(HEX.formatHex(s.getTraceId().toByteArray()));
        assertThat(spanIds.add(HEX.formatHex(s.getTraceId().toByteArray()) + HEX.formatHex(s.getSpanId().toByteArray())))
            .as("span never repeats").isTrue();
      }
      for (Span s : spans) {
        if (!s.getParentSpanId().isEmpty()) {
          assertThat(idsThisSend).contains(HEX.formatHex(s.getParentSpanId().toByteArray()));
        }
      }
      for (String t : tracesThisSend) assertThat(traceIds.add(t)).as("trace id never repeats").isTrue();
    }
  }

  @Test
  void zipkinJsonCarriesTheSameSpansWithStampedHexIds() throws Exception {
    List<BenchSpan> spans = new SpanFactory(3).batch(512, NOW);
    Payload otlp = OtlpEncoder.encode(spans);
    Payload zipkin = ZipkinEncoder.encode(spans);
    byte[] a = new byte[otlp.body().length];
    byte[] b = new byte[zipkin.body().length];
    otlp.stamp(77, a);
    zipkin.stamp(77, b);
    Set<String> otlpIds = new HashSet<>();
    for (Span s : spans(ExportTraceServiceRequest.parseFrom(a))) {
      otlpIds.add(HEX.formatHex(s.getTraceId().toByteArray()) + "/" + HEX.formatHex(s.getSpanId().toByteArray()));
    }
    JsonNode json = new ObjectMapper().readTree(b);
    assertThat(json.size()).isEqualTo(512);
    Set<String> zipkinIds = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode s : json) ids.add(s.get("id").asText());
    for (JsonNode s : json) {
      zipkinIds.add(s.get("traceId").asText() + "/" + s.get("id").asText());
      assertThat(s.get("localEndpoint").get("serviceName").asText()).isNotEmpty();
      assertThat(s.get("duration").asLong()).isPositive();
      if (s.has("parentId")) assertThat(ids).contains(s.get("parentId").asText());
      s.get("tags").forEach(tag -> assertThat(tag.isTextual()).isTrue());
    }
    assertThat(zipkinIds).isEqualTo(otlpIds);
  }

  private static List<Span> spans(ExportTraceServiceRequest request) {
    List<Span> out = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) out.addAll(ss.getSpansList());
    }
    return out;
  }
}
