package dev.vigil.server.scoring.scorecard;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.sampling.SamplingPolicy;
import java.util.List;

/**
 * A validated scorecard: which features it judges, what it judges (each LLM call, or each trace as
 * one interaction), how it samples, and its metrics. {@code version} is the one written in the file,
 * else a hash of its content, and is recorded on every score with the evaluator's own version.
 * {@code source} is the file it came from, or "api".
 */
public record Scorecard(
    String name,
    List<String> features,
    String version,
    Target target,
    SamplingPolicy sampling,
    List<Metric> metrics,
    String source,
    String yaml) {

  /** One metric: its name (the score's name) and the evaluator that computes it. */
  public record Metric(String name, Evaluator evaluator) {}

  /** What one score is about. */
  public enum Target {
    /** Each span that made a model call. */
    LLM_CALL,
    /** Each trace as a whole, judged when its root span is stored. */
    TRACE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Scorecard {
    features = List.copyOf(features);
    metrics = List.copyOf(metrics);
  }

  public boolean appliesTo(String feature) {
    return features.contains("*") || features.contains(feature);
  }

  public boolean fromFile() {
    return !"api".equals(source);
  }

  public Metric metric(String name) {
    for (Metric m : metrics) if (m.name().equals(name)) return m;
    return null;
  }
}
