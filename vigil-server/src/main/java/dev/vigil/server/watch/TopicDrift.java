package dev.vigil.server.watch;

import dev.vigil.server.embed.Embedder;
import dev.vigil.server.watch.drift.SignalDrift;
import dev.vigil.server.watch.topic.TopicComparison;
import dev.vigil.server.watch.topic.TopicReport;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.SpanStore;
import java.util.List;
import java.util.Objects;

/**
 * Drift in what users ask about, topic by topic, over the same sample of traces as {@link
 * InputEmbeddings}. If any sampled trace names its topic (metadata {@code topic} or attribute
 * {@code vigil.topic}), the named topics are compared as categories; otherwise topics are found by
 * clustering the baseline's question embeddings (docs/drift.md). A signal named {@code topic}.
 */
public final class TopicDrift implements DriftSource {
  public static final int DEFAULT_TOPICS = 8;
  public static final int MAX_TOPICS = 20;
  /** k-means++ seed: the same traffic always gives the same topics. */
  static final long SEED = 20_261_123L;

  private final Questions questions;
  private final Embedder embedder;

  public TopicDrift(SpanStore spans, Embedder embedder) {
    this.questions = new Questions(spans);
    this.embedder = embedder;
  }

  @Override
  public List<SignalDrift> drift(long projectId, SpanFilter baseline, SpanFilter current) {
    return List.of(report(projectId, baseline, current, DEFAULT_TOPICS).signal());
  }

  /** @param maxTopics at most this many clustered topics (1 … {@link #MAX_TOPICS}); ignored for explicit topics */
  public TopicReport report(long projectId, SpanFilter baseline, SpanFilter current, int maxTopics) {
    if (maxTopics < 1 || maxTopics > MAX_TOPICS) {
      throw new IllegalArgumentException("topics must be between 1 and " + MAX_TOPICS + ", got " + maxTopics);
    }
    List<Questions.Asked> b = questions.sample(projectId, baseline);
    List<Questions.Asked> c = questions.sample(projectId, current);
    if (b.stream().anyMatch(a -> a.topic() != null) || c.stream().anyMatch(a -> a.topic() != null)) {
      return TopicComparison.explicit(topics(b), texts(b), topics(c), texts(c));
    }
    List<String> bt = texts(b).stream().filter(q -> !q.isBlank()).toList();
    List<String> ct = texts(c).stream().filter(q -> !q.isBlank()).toList();
    return TopicComparison.clusters(bt, embedder.embedAll(bt), ct, embedder.embedAll(ct), maxTopics, SEED);
  }

  private static List<String> topics(List<Questions.Asked> asked) {
    return asked.stream().map(Questions.Asked::topic).toList();
  }

  private static List<String> texts(List<Questions.Asked> asked) {
    return asked.stream().map(a -> Objects.requireNonNullElse(a.text(), "")).toList();
  }
}
