package dev.vigil.server.watch.topic;

import dev.vigil.server.watch.drift.SignalDrift;
import java.util.List;

/**
 * Topic drift between two windows: the {@code topic} signal (chi-squared and Jensen-Shannon over the
 * topics' counts, ids as categories) and what each topic is, so a reader sees which one grew, shrank
 * or appeared.
 *
 * @param method {@code explicit} (topics named by the spans) or {@code clusters} (found in the baseline's questions)
 * @param silhouette mean silhouette of the chosen clustering; null for explicit topics or one cluster
 * @param radius cosine distance beyond which a question is "other"; null for explicit topics
 * @param note why there are no topics, or how they were chosen
 */
public record TopicReport(String method, Double silhouette, Double radius, SignalDrift signal, List<Topic> topics, String note) {
  public static final String SIGNAL = "topic";

  /**
   * @param id the category name in {@code signal}: the explicit topic, {@code topic_1} … or {@code other}
   * @param label a short name: the explicit topic, or the clustered topic's representative question cut short
   * @param example a representative question (the baseline's closest to the topic's centre), or null
   */
  public record Topic(String id, String label, String example, long baselineN, long currentN, double baselineShare,
      double currentShare) {}
}
