package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import org.junit.jupiter.api.Test;

/** Parents are found by span id and trace id together, however the index is keyed. */
class InheritanceTest {
  private static final String OTHER_TRACE = "1bf7651916cd43dd8448eb211c80319d";
  private static final String ROOT = "1000000000000001";

  private static Span byId(NormalizedTraces result, String traceId, String spanId) {
    return result.spans().stream().filter(s -> s.traceId().equals(traceId) && s.spanId().equals(spanId))
        .findFirst().orElseThrow();
  }

  @Test
  void parentsAreLookedUpInTheChildsTrace() {
    NormalizedTraces result = ProtoSpans.normalize(
        span(ROOT, null, "user.id", "first"),
        span(ROOT, null, "user.id", "second").setTraceId(ProtoSpans.id(OTHER_TRACE)),
        span("1000000000000002", ROOT),
        span("1000000000000003", ROOT).setTraceId(ProtoSpans.id(OTHER_TRACE)));
    assertThat(byId(result, ProtoSpans.TRACE, "1000000000000002").userId()).isEqualTo("first");
    assertThat(byId(result, OTHER_TRACE, "1000000000000003").userId()).isEqualTo("second");
  }

  @Test
  void aRepeatedSpanIsFoundAsItsLastCopy() {
    NormalizedTraces result = ProtoSpans.normalize(
        span(ROOT, null, "user.id", "first"),
        span("1000000000000002", ROOT),
        span(ROOT, null, "user.id", "last"));
    assertThat(byId(result, ProtoSpans.TRACE, "1000000000000002").userId()).isEqualTo("last");
  }
}
