package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parentless spans go under their trace item's root span when that trace item is in the same batch. */
class NativeParentAttachmentTest {

  private static String trace(String traceId, String extra) {
    return "{\"type\":\"trace\",\"trace_id\":\"" + traceId + "\",\"name\":\"t\",\"start_time\":\"" + T0 + "\"" + extra + "}";
  }

  private static String child(String traceId, String spanId, String extra) {
    return "{\"type\":\"span\",\"trace_id\":\"" + traceId + "\",\"span_id\":\"" + spanId + "\",\"name\":\"c\",\"start_time\":\""
        + T0 + "\"" + extra + "}";
  }

  private static Span bySpanId(List<Span> spans, String rawSpanId) {
    String id = NativeIds.sha256Hex(rawSpanId, 16);
    return spans.stream().filter(s -> s.spanId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void parentlessSpansAttachToTheTraceItemWhereverItIs() {
    NativeBatch b = decodeItems(child("conv", "before", ""), trace("conv", ""), child("conv", "after", ""));
    String root = NativeIds.rootSpanId(NativeIds.sha256Hex("conv", 32));
    assertThat(bySpanId(b.spans(), "before").parentSpanId()).isEqualTo(root);
    assertThat(bySpanId(b.spans(), "after").parentSpanId()).isEqualTo(root);
    assertThat(b.spans()).filteredOn(Span::isRoot).extracting(Span::spanId).containsExactly(root);
  }

  @Test
  void explicitParentsAndOtherTracesAreLeftAlone() {
    NativeBatch b = decodeItems(trace("conv", ",\"span_id\":\"root\""),
        child("conv", "leaf", ",\"parent_span_id\":\"mid\""), child("conv", "mid", ""), child("other", "lone", ""));
    assertThat(bySpanId(b.spans(), "mid").parentSpanId()).isEqualTo(NativeIds.sha256Hex("root", 16));
    assertThat(bySpanId(b.spans(), "leaf").parentSpanId()).isEqualTo(NativeIds.sha256Hex("mid", 16));
    assertThat(bySpanId(b.spans(), "lone").isRoot()).isTrue();
  }

  @Test
  void withoutAValidTraceItemSpansStayRoots() {
    NativeBatch b = decodeItems(trace("conv", ",\"status\":\"bad\""), child("conv", "a", ""));
    assertThat(b.results().get(0).status()).isEqualTo(400);
    assertThat(b.spans()).singleElement().satisfies(s -> assertThat(s.isRoot()).isTrue());
  }

  @Test
  void aSecondTraceItemForTheSameTraceIsRejected() {
    NativeBatch b = decodeItems(trace("conv", ",\"span_id\":\"r1\""), trace("conv", ",\"span_id\":\"r2\""),
        child("conv", "a", ""));
    assertThat(b.results().get(1).error())
        .isEqualTo("items[1].trace_id: duplicate trace item for this trace_id, already given at items[0]");
    assertThat(bySpanId(b.spans(), "a").parentSpanId()).isEqualTo(NativeIds.sha256Hex("r1", 16));
  }

  @Test
  void duplicateSpansAndItemIdsAreRejected() {
    NativeBatch b = decodeItems(child("conv", "a", ""), child("conv", "a", ",\"user_id\":\"u\""),
        "{\"type\":\"score\",\"id\":\"x\",\"trace_id\":\"conv\",\"name\":\"n\",\"value\":1}",
        "{\"type\":\"score\",\"id\":\"x\",\"trace_id\":\"conv\",\"name\":\"n\",\"value\":2}",
        "{\"type\":\"feedback\",\"id\":\"x\",\"trace_id\":\"conv\",\"kind\":\"copied\"}",
        "{\"type\":\"change\",\"id\":\"x\",\"change_type\":\"config\"}",
        "{\"type\":\"change\",\"id\":\"x\",\"change_type\":\"config\"}",
        "{\"type\":\"feedback\",\"id\":\"x\",\"trace_id\":\"conv\",\"kind\":\"copied\"}");
    assertThat(b.results()).extracting(ItemResult::error).containsExactly(
        null,
        "items[1].span_id: duplicate span (same trace_id and span_id), already given at items[0]",
        null,
        "items[3].id: duplicate score id, already given at items[2]",
        null,
        null,
        "items[6].id: duplicate change id, already given at items[5]",
        "items[7].id: duplicate feedback id, already given at items[4]");
    assertThat(b.results().get(1).id()).isEqualTo(NativeIds.sha256Hex("a", 16));
    assertThat(b.spans()).hasSize(1);
  }
}
