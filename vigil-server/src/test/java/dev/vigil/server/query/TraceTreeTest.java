package dev.vigil.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTreeTest {
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  static Span span(String id, String parent, long start) {
    return Span.builder().traceId(TRACE).spanId(id).parentSpanId(parent).name(id).startEpochNanos(start).build();
  }

  @Test
  void nestsChildrenAndKeepsOrphansAsRoots() {
    List<TraceTree> tree = TraceTree.build(List.of(
        span("000000000000000a", null, 1),
        span("000000000000000b", "000000000000000a", 2),
        span("000000000000000c", "000000000000000b", 3),
        span("000000000000000d", "00000000000000ff", 4))); // parent never received
    assertThat(tree).hasSize(2);
    assertThat(tree.get(0).children().get(0).children().get(0).span().spanId()).isEqualTo("000000000000000c");
    assertThat(tree.get(0).children().get(0).children().get(0).depth()).isEqualTo(2);
    assertThat(tree.get(1).span().spanId()).isEqualTo("000000000000000d");
  }

  @Test
  void cyclesDoNotLoop() {
    List<TraceTree> tree = TraceTree.build(List.of(
        span("000000000000000a", "000000000000000b", 1),
        span("000000000000000b", "000000000000000a", 2)));
    assertThat(tree).hasSize(1); // the cycle is broken at the first span; both still appear, once
    assertThat(tree.get(0).children()).hasSize(1);
    assertThat(tree.get(0).children().get(0).children()).isEmpty();
  }
}
