package dev.vigil.server.ingest;

import dev.vigil.model.LlmCall;
import dev.vigil.model.Span;
import dev.vigil.model.StatusCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-feature LLM metrics for Prometheus, counted as spans are acknowledged (here rather than in a
 * storage listener so storage never holds spans in memory for it; a batch a client retries is counted
 * again), under the OpenTelemetry GenAI metric names
 * ({@code gen_ai.client.token.usage}, {@code gen_ai.client.operation.duration}, with the semantic
 * conventions' bucket boundaries), plus calls and cost. Label values come from clients, so after
 * {@link #MAX_SERIES} distinct label sets new ones are folded into {@code other}: a misbehaving client
 * cannot blow up the scrape.
 */
final class GenAiMetrics {
  static final int MAX_SERIES = 2000;
  static final String OTHER = "other";
  private static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144,
      1048576, 4194304, 16777216, 67108864};
  private static final Duration[] DURATION_BUCKETS = durations(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64,
      1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

  private final MeterRegistry registry;
  private final Set<List<String>> seen = ConcurrentHashMap.newKeySet();

  GenAiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(long projectId, List<Span> spans) {
    for (Span s : spans) {
      LlmCall llm = s.llm();
      if (llm == null) continue;
      String model = llm.requestModel() != null ? llm.requestModel() : llm.responseModel();
      List<String> labels = bounded(List.of(Long.toString(projectId), value(s.feature()),
          value(llm.operation()), value(llm.provider()), value(model)));
      String error = s.status() == StatusCode.ERROR ? (s.errorType() == null ? "_OTHER" : s.errorType()) : null;
      Timer.builder("gen_ai.client.operation.duration").description("GenAI operation duration")
          .serviceLevelObjectives(DURATION_BUCKETS).tags(tags(labels)).tag("error.type", error == null ? "" : error)
          .register(registry).record(Duration.ofNanos(Math.max(0, s.endEpochNanos() - s.startEpochNanos())));
      if (llm.usage() != null) {
        tokens(labels, "input", llm.usage().input());
        tokens(labels, "output", llm.usage().output());
      }
      Counter.builder("vigil.llm.calls").description("LLM calls stored").tags(tags(labels))
          .tag("status", error == null ? "ok" : "error").register(registry).increment();
      if (llm.cost() != null && llm.cost().total() != null) {
        Counter.builder("vigil.llm.cost").baseUnit("usd").description("Cost of LLM calls in US dollars")
            .tags(tags(labels)).register(registry).increment(llm.cost().total());
      }
    }
  }

  private void tokens(List<String> labels, String type, Long count) {
    if (count == null) return;
    DistributionSummary.builder("gen_ai.client.token.usage").description("Tokens used per GenAI operation")
        .serviceLevelObjectives(TOKEN_BUCKETS).tags(tags(labels)).tag("gen_ai.token.type", type)
        .register(registry).record(count);
  }

  private List<String> bounded(List<String> labels) {
    if (seen.contains(labels)) return labels;
    if (seen.size() < MAX_SERIES) {
      seen.add(labels);
      return labels;
    }
    return List.of(labels.get(0), OTHER, OTHER, OTHER, OTHER);
  }

  private static String[] tags(List<String> l) {
    return new String[] {"project", l.get(0), "feature", l.get(1), "gen_ai.operation.name", l.get(2),
        "gen_ai.provider.name", l.get(3), "gen_ai.request.model", l.get(4)};
  }

  private static String value(String s) {
    return s == null || s.isBlank() ? "unknown" : s;
  }

  private static Duration[] durations(double... seconds) {
    Duration[] out = new Duration[seconds.length];
    for (int i = 0; i < seconds.length; i++) out[i] = Duration.ofNanos((long) (seconds[i] * 1e9));
    return out;
  }
}
