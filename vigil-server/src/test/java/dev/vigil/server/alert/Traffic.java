package dev.vigil.server.alert;

import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Score;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.Usage;
import dev.vigil.storage.Storage;
import dev.vigil.storage.tests.TestObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated LLM traffic for scenario tests, seeded so every run sees the same noise: calls of one
 * feature with log-normal latencies, Bernoulli errors, a per-call cost and a normally distributed
 * {@code answer_relevance} score (0–10) on each call.
 */
final class Traffic {
  /** What one minute of calls looks like; tests change it to stage a regression. */
  record Shape(String feature, String model, String promptVersion, int callsPerMinute, double latencyMedianMs,
      double errorRate, double costPerCall, double relevanceMean) {
    Shape withPrompt(String v, double relevance) {
      return new Shape(feature, model, v, callsPerMinute, latencyMedianMs, errorRate, costPerCall, relevance);
    }

    Shape withLatency(double medianMs) {
      return new Shape(feature, model, promptVersion, callsPerMinute, medianMs, errorRate, costPerCall, relevanceMean);
    }

    Shape withModel(String m, double cost) {
      return new Shape(feature, m, promptVersion, callsPerMinute, latencyMedianMs, errorRate, cost, relevanceMean);
    }
  }

  static final Shape SUPPORT = new Shape("support-chat", "gpt-4o", "v2", 6, 1200, 0.02, 0.006, 8.3);

  private final Storage storage;
  private final long project;
  private final Random random;

  Traffic(Storage storage, long project, long seed) {
    this.storage = storage;
    this.project = project;
    this.random = new Random(seed);
  }

  /** Stores the calls (and their scores) of every minute in [from, to). */
  void run(Instant from, Instant to, Shape shape) {
    List<Span> spans = new ArrayList<>();
    List<Score> scores = new ArrayList<>();
    for (Instant m = from; m.isBefore(to); m = m.plus(Duration.ofMinutes(1))) {
      long minute = m.getEpochSecond() * 1_000_000_000L;
      for (int i = 0; i < shape.callsPerMinute(); i++) {
        long start = minute + (long) (random.nextDouble() * 59e9);
        long latency = (long) (shape.latencyMedianMs() * Math.exp(0.3 * random.nextGaussian()) * 1e6);
        double cost = shape.costPerCall() * (0.8 + 0.4 * random.nextDouble());
        LlmCall call = new LlmCall("chat", "openai", shape.model(), shape.model(), new Usage(1000L, 250L, null, null, null, false),
            new Cost(null, null, null, null, null, cost, CostSource.TABLE), List.of("stop"), null, false, null, null);
        // lean spans (no content): a simulated week is 40,000 of them
        Span s = Span.builder().traceId(TestObjects.traceId()).spanId(TestObjects.spanId()).name("chat " + shape.model())
            .kind(SpanKind.CLIENT).type(SpanType.LLM).serviceName("support-api").feature(shape.feature())
            .promptName("support-answer").promptVersion(shape.promptVersion()).release("2026.11.2").llm(call)
            .startEpochNanos(start).endEpochNanos(start + latency)
            .status(random.nextDouble() < shape.errorRate() ? StatusCode.ERROR : StatusCode.OK).build();
        spans.add(s);
        double relevance = Math.max(0, Math.min(10, shape.relevanceMean() + random.nextGaussian()));
        scores.add(new Score(s.spanId() + "-rel", s.traceId(), s.spanId(), "answer_relevance", null, relevance, null, null,
            null, start + latency + 1_000_000_000L, null));
      }
    }
    storage.spanConsumer().accept(project, spans, List.of());
    storage.signalStore().putScores(project, scores);
  }
}
