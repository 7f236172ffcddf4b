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
import java.util.Map;
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
  /** Meters by label set: registering through Micrometer's builders costs microseconds a call. */
  private final Map<List<String>, Meters> meters = new ConcurrentHashMap<>();

  GenAiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(long projectId, List<Span> spans) {
    String project = null;
    for (Span s : spans) {
      LlmCall llm = s.llm();
      if (llm == null) continue;
      if (project == null) project = Long.toString(projectId);
      String model = llm.requestModel() != null ? llm.requestModel() : llm.responseModel();
      Meters m = meters(List.of(project, value(s.feature()), value(llm.operation()), value(llm.provider()), value(model)));
      String error = s.status() == StatusCode.ERROR ? (s.errorType() == null ? "_OTHER" : s.errorType()) : null;
      m.duration(error).record(Duration.ofNanos(Math.max(0, s.endEpochNanos() - s.startEpochNanos())));
      if (llm.usage() != null) {
        if (llm.usage().input() != null) m.inputTokens.record(llm.usage().input());
        if (llm.usage().output() != null) m.outputTokens.record(llm.usage().output());
      }
      m.calls(error == null ? "ok" : "error").increment();
      if (llm.cost() != null && llm.cost().total() != null) m.cost.increment(llm.cost().total());
    }
  }

  private Meters meters(List<String> labels) {
    Meters m = meters.get(labels);
    if (m != null) return m;
    List<String> kept = meters.size() < MAX_SERIES ? labels : List.of(labels.get(0), OTHER, OTHER, OTHER, OTHER);
    return meters.computeIfAbsent(kept, k -> new Meters(registry, tags(k)));
  }

  /** The meters of one label set; durations per error type and calls per status appear when first seen. */
  private static final class Meters {
    final MeterRegistry registry;
    final String[] tags;
    final Map<String, Timer> durations = new ConcurrentHashMap<>();
    final DistributionSummary inputTokens;
    final DistributionSummary outputTokens;
    final Map<String, Counter> calls = new ConcurrentHashMap<>();
    final Counter cost;

    Meters(MeterRegistry registry, String[] tags) {
      this.registry = registry;
      this.tags = tags;
      this.inputTokens = tokens("input");
      this.outputTokens = tokens("output");
      this.cost = Counter.builder("vigil.llm.cost").baseUnit("usd").description("Cost of LLM calls in US dollars")
          .tags(tags).register(registry);
    }

    Timer duration(String error) {
      return durations.computeIfAbsent(error == null ? "" : error, e -> Timer.builder("gen_ai.client.operation.duration")
          .description("GenAI operation duration").serviceLevelObjectives(DURATION_BUCKETS).tags(tags)
          .tag("error.type", e).register(registry));
    }

    private DistributionSummary tokens(String type) {
      return DistributionSummary.builder("gen_ai.client.token.usage").description("Tokens used per GenAI operation")
          .serviceLevelObjectives(TOKEN_BUCKETS).tags(tags).tag("gen_ai.token.type", type).register(registry);
    }

    Counter calls(String status) {
      return calls.computeIfAbsent(status, st -> Counter.builder("vigil.llm.calls").description("LLM calls stored")
          .tags(tags).tag("status", st).register(registry));
    }
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
