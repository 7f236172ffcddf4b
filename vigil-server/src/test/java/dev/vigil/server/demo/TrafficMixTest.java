package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statistical checks with generous bounds: shares of errors, refusals, truncations and PII. */
class TrafficMixTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
  private static final Set<String> REFUSED = Set.of("content_filter", "refusal", "SAFETY");
  private static final Set<String> CUT = Set.of("length", "max_tokens", "MAX_TOKENS");
  private static final int N = 5000;

  @Test
  void defaultMixLooksLikeProduction() {
    int[] counts = count(new TrafficModel(21, CLOCK, Mix.DEFAULT));
    assertThat(share(counts[0])).as("errors").isBetween(0.015, 0.05);
    assertThat(share(counts[1])).as("refusals").isBetween(0.01, 0.035);
    assertThat(share(counts[2])).as("truncations").isBetween(0.01, 0.035);
    assertThat(share(counts[3])).as("pii").isBetween(0.03, 0.10);
  }

  @Test
  void sharesFollowTheConfiguredMix() {
    int[] counts = count(new TrafficModel(22, CLOCK, new Mix(0.20, 0.10, 0.05, 0.30, 0.0)));
    assertThat(share(counts[0])).as("errors").isBetween(0.16, 0.24);
    assertThat(share(counts[1])).as("refusals").isBetween(0.07, 0.13);
    assertThat(share(counts[2])).as("truncations").isBetween(0.03, 0.07);
    assertThat(share(counts[3])).as("pii").isBetween(0.25, 0.35);
  }

  @Test
  void someFailedTracesHaveNoLlmSpan() {
    int failedWithoutLlm = 0;
    for (ResourceSpans rs : Traces.all(new TrafficModel(23, CLOCK, new Mix(0.5, 0, 0, 0, 0)).tick(400))) {
      List<Span> spans = Traces.spans(rs);
      boolean failed = spans.stream().anyMatch(s -> s.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR);
      boolean llm = spans.stream().anyMatch(s -> Traces.string(s, "gen_ai.request.model").isPresent()
          || Traces.string(s, "llm.model_name").isPresent());
      if (failed && !llm) failedWithoutLlm++;
    }
    assertThat(failedWithoutLlm).isGreaterThan(10);
  }

  /** errors, refusals, truncations, traces with PII. */
  private static int[] count(TrafficModel model) {
    int[] counts = new int[4];
    for (ResourceSpans rs : Traces.all(model.tick(N))) {
      List<Span> spans = Traces.spans(rs);
      List<String> strings = Traces.strings(rs);
      if (spans.stream().anyMatch(s -> s.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR)) counts[0]++;
      if (strings.stream().anyMatch(s -> REFUSED.contains(s) || s.contains(Calls.SORRY))) counts[1]++;
      if (strings.stream().anyMatch(CUT::contains)) counts[2]++;
      if (strings.stream().anyMatch(s -> s.contains("@example.") || s.contains("@acme-retail.example") || s.contains("4111 1111") || s.contains("+1 (415)"))) {
        counts[3]++;
      }
    }
    return counts;
  }

  private static double share(int count) {
    return count / (double) N;
  }
}
