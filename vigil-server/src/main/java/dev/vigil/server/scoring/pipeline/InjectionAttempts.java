package dev.vigil.server.scoring.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code vigil_prompt_injection_attempts_total{project,feature}}: inputs a {@code prompt_injection}
 * metric failed, so an attack campaign on one feature shows on a dashboard and can be alerted on.
 * Counted where scores are made, because only the pipeline knows the project. A replay after a crash
 * may count a page twice; the scores themselves stay exact. Counters are kept per label set (see
 * GenAiMetrics: registering through the builder on every call is slow), at most {@link #MAX_SERIES}.
 */
final class InjectionAttempts {
  static final String EVALUATOR = "prompt_injection";
  static final int MAX_SERIES = 2000;

  private final MeterRegistry registry;
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

  InjectionAttempts(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(long projectId, String feature) {
    List<String> labels = List.of(Long.toString(projectId), feature == null ? "" : feature);
    Counter c = counters.get(labels);
    if (c == null) {
      List<String> kept = counters.size() < MAX_SERIES ? labels : List.of(labels.get(0), "other");
      c = counters.computeIfAbsent(kept, k -> Counter.builder("vigil.prompt_injection.attempts")
          .tags("project", k.get(0), "feature", k.get(1))
          .description("Inputs a prompt_injection metric judged to be an injection or jailbreak attempt").register(registry));
    }
    c.increment();
  }
}
