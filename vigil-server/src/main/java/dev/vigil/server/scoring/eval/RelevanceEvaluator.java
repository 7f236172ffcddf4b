package dev.vigil.server.scoring.eval;

import dev.vigil.server.embed.Embedder;
import dev.vigil.server.embed.Vectors;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code relevance}: how close the answer is to the question in meaning, as the cosine similarity of
 * their MiniLM embeddings (negative similarities count as 0). A NUMERIC score in [0, 1] labelled
 * {@code pass} at or above {@code threshold}, else {@code fail}. It catches answers about something
 * else (a template, another customer's question, a canned reply); it cannot tell a right answer from
 * a wrong one on the same topic.
 */
final class RelevanceEvaluator implements Evaluator {
  static final Set<String> KEYS = Set.of("name", "type", "threshold");
  static final double DEFAULT_THRESHOLD = 0.35;

  private final Embedder embedder;
  private final double threshold;

  RelevanceEvaluator(Embedder embedder, double threshold) {
    this.embedder = embedder;
    this.threshold = threshold;
  }

  static RelevanceEvaluator from(Options o, Embedder embedder) {
    o.allowOnly("a relevance metric", KEYS);
    Double t = o.number("threshold", 0, 1);
    embedder.warmUp(); // a scorecard that will need the model starts loading it now, in the background
    return new RelevanceEvaluator(embedder, t == null ? DEFAULT_THRESHOLD : t);
  }

  @Override
  public String type() {
    return "relevance";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public void prepare() {
    embedder.awaitLoaded();
  }

  @Override
  public Outcome evaluate(Subject s) {
    if (s.input().isBlank() || s.output().isBlank()) return Outcome.NOT_APPLICABLE;
    List<float[]> v = embedder.embedAll(List.of(s.input(), s.output()));
    double similarity = Math.max(0, Vectors.dot(v.get(0), v.get(1)));
    boolean ok = similarity >= threshold;
    return Similarity.numeric(similarity, ok, String.format(Locale.ROOT, "question–answer similarity %.2f %s the threshold %s",
        similarity, ok ? "at or above" : "below", Options.plain(threshold)));
  }
}
