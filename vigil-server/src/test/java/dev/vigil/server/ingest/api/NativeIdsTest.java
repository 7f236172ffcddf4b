package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NativeIdsTest {

  private static Span spanWithIds(String traceId, String spanId) {
    return decodeItems("""
        {"type":"span","trace_id":"%s","span_id":"%s","name":"n","start_time":"%s"}"""
        .formatted(traceId, spanId, T0)).spans().get(0);
  }

  private static String sha256(String s, int hexChars) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d).substring(0, hexChars);
  }

  @Test
  void hexIdsAreKeptLowerCased() {
    Span s = spanWithIds(TRACE.toUpperCase(), SPAN.toUpperCase());
    assertThat(s.traceId()).isEqualTo(TRACE);
    assertThat(s.spanId()).isEqualTo(SPAN);
  }

  @Test
  void uuidTraceIdLosesDashes() {
    Span s = spanWithIds("4BF92F35-77B3-4DA6-A3CE-929D0E0E4736", SPAN);
    assertThat(s.traceId()).isEqualTo(TRACE);
  }

  @Test
  void otherStringsAreHashedDeterministically() throws Exception {
    Span a = spanWithIds("conv-42", "step-1");
    Span again = spanWithIds("conv-42", "step-1");
    assertThat(a.traceId()).isEqualTo(sha256("conv-42", 32)).isEqualTo(again.traceId());
    assertThat(a.spanId()).isEqualTo(sha256("step-1", 16)).isEqualTo(again.spanId());
    assertThat(spanWithIds("conv-43", "step-2").traceId()).isNotEqualTo(a.traceId());
  }

  @Test
  void wrongLengthHexOrUuidAsSpanIdIsHashedToo() throws Exception {
    // a 32-hex trace-shaped id in span_id and a 16-hex id in trace_id are "other strings"
    Span s = spanWithIds(SPAN, TRACE);
    assertThat(s.traceId()).isEqualTo(sha256(SPAN, 32));
    assertThat(s.spanId()).isEqualTo(sha256(TRACE, 16));
    String uuid = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";
    assertThat(spanWithIds(TRACE, uuid).spanId()).isEqualTo(sha256(uuid, 16));
    // not quite a UUID (dashes misplaced): hashed as it is
    String notUuid = "4bf92f3577b3-4da6-a3ce-929d0e0e-4736";
    assertThat(spanWithIds(notUuid, SPAN).traceId()).isEqualTo(sha256(notUuid, 32));
  }

  @Test
  void traceItemWithoutSpanIdGetsRootIdFromNormalizedTraceId() throws Exception {
    String item = "{\"type\":\"trace\",\"trace_id\":\"%s\",\"name\":\"t\",\"start_time\":\"" + T0 + "\"}";
    Span fromHex = decodeItems(item.formatted(TRACE)).spans().get(0);
    Span fromUuid = decodeItems(item.formatted("4bf92f35-77b3-4da6-a3ce-929d0e0e4736")).spans().get(0);
    assertThat(fromHex.spanId()).isEqualTo(sha256("root:" + TRACE, 16)).isEqualTo(fromUuid.spanId());
    assertThat(decodeItems(item.formatted("my-trace")).spans().get(0).spanId())
        .isEqualTo(sha256("root:" + sha256("my-trace", 32), 16));
  }

  @Test
  void traceItemMayNameItsSpanId() {
    NativeBatch b = decodeItems("""
        {"type":"trace","trace_id":"%s","span_id":"root-span","name":"t","start_time":"%s"}""".formatted(TRACE, T0));
    assertThat(b.spans().get(0).spanId()).isEqualTo(NativeIds.sha256Hex("root-span", 16));
    assertThat(b.results().get(0).id()).isEqualTo(b.spans().get(0).spanId());
  }

  @Test
  void parentIdsFollowTheSameRules() {
    Span s = decodeItems(span(",\"parent_span_id\":\"parent-step\"")).spans().get(0);
    assertThat(s.parentSpanId()).isEqualTo(NativeIds.sha256Hex("parent-step", 16));
  }

  @Test
  void scoreAndFeedbackTraceIdsAreNormalizedLikeSpans() {
    NativeBatch b = decodeItems(
        "{\"type\":\"score\",\"id\":\"s\",\"trace_id\":\"conv-42\",\"span_id\":\"step-1\",\"name\":\"n\",\"value\":1}",
        "{\"type\":\"feedback\",\"id\":\"f\",\"trace_id\":\"conv-42\",\"kind\":\"copied\"}");
    Span span = spanWithIds("conv-42", "step-1");
    assertThat(b.scores().get(0).traceId()).isEqualTo(span.traceId());
    assertThat(b.scores().get(0).spanId()).isEqualTo(span.spanId());
    assertThat(b.feedback().get(0).traceId()).isEqualTo(span.traceId());
  }

  @Test
  void itemIdsAreKeptAsSent() {
    NativeBatch b = decodeItems("{\"type\":\"score\",\"id\":\"  Mixed Case  \",\"trace_id\":\"t\",\"name\":\"n\",\"value\":1}");
    assertThat(b.scores().get(0).id()).isEqualTo("  Mixed Case  ");
    assertThat(b.results().get(0).id()).isEqualTo("  Mixed Case  ");
  }
}
