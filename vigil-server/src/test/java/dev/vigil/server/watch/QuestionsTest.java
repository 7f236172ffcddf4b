package dev.vigil.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionsTest {
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  private static Span.Builder span(String id, String parent, long start) {
    return Span.builder().traceId(TRACE).spanId(id).parentSpanId(parent).startEpochNanos(start).endEpochNanos(start + 10);
  }

  @Test
  void theRootsMetadataTopicComesFirst() {
    Span root = span("00f067aa0ba902b7", null, 1).metadata(Map.of("topic", " billing ")).build();
    Span child = span("00f067aa0ba902b8", "00f067aa0ba902b7", 2).attributes(Map.of("vigil.topic", "shipping")).build();
    assertThat(Questions.topic(List.of(child, root))).isEqualTo("billing");
  }

  @Test
  void anAttributeOnAnySpanNamesTheTopicToo() {
    Span root = span("00f067aa0ba902b7", null, 1).build();
    Span child = span("00f067aa0ba902b8", "00f067aa0ba902b7", 2).attributes(Map.of("vigil.topic", "shipping")).build();
    assertThat(Questions.topic(List.of(root, child))).isEqualTo("shipping");
  }

  @Test
  void noTopicIsNull() {
    Span root = span("00f067aa0ba902b7", null, 1).metadata(Map.of("topic", "  ", "plan", "pro"))
        .attributes(Map.of("vigil.topic", 3L)).build();
    assertThat(Questions.topic(List.of(root))).isNull();
  }
}
