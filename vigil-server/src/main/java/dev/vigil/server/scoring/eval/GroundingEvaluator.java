package dev.vigil.server.scoring.eval;

import dev.vigil.model.Document;
import dev.vigil.server.embed.Embedder;
import dev.vigil.server.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code grounding}: is the answer supported by the documents retrieval gave the model? Each sentence
 * of the answer that states something (at least four words) is compared with every passage of every
 * document; it is <em>supported</em> when its best cosine similarity reaches {@code threshold}. The
 * score is the share of supported sentences (NUMERIC, 0–1), labelled {@code pass} when it reaches
 * {@code min_supported}; the explanation names the least supported sentence, the first place to look
 * for an invention. Without documents, or without a sentence that states something, there is nothing
 * to judge. Similarity is evidence of the same subject matter, not proof of entailment: a sentence that
 * contradicts its passage in the passage's own words still scores high.
 */
final class GroundingEvaluator implements Evaluator {
  static final Set<String> KEYS = Set.of("name", "type", "threshold", "min_supported");
  static final double DEFAULT_THRESHOLD = 0.5;
  static final double DEFAULT_MIN_SUPPORTED = 0.8;
  static final int MIN_WORDS = 4;
  /** Bounds on the work per evaluation: MiniLM embeds roughly a hundred short texts a second per core. */
  static final int MAX_SENTENCES = 40;
  static final int MAX_PASSAGES = 120;
  static final int PASSAGE_CHARS = 400;

  private final Embedder embedder;
  private final double threshold;
  private final double minSupported;

  GroundingEvaluator(Embedder embedder, double threshold, double minSupported) {
    this.embedder = embedder;
    this.threshold = threshold;
    this.minSupported = minSupported;
  }

  static GroundingEvaluator from(Options o, Embedder embedder) {
    o.allowOnly("a grounding metric", KEYS);
    Double t = o.number("threshold", 0, 1);
    Double m = o.number("min_supported", 0, 1);
    embedder.warmUp(); // a scorecard that will need the model starts loading it now, in the background
    return new GroundingEvaluator(embedder, t == null ? DEFAULT_THRESHOLD : t, m == null ? DEFAULT_MIN_SUPPORTED : m);
  }

  @Override
  public String type() {
    return "grounding";
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
    List<String> passages = new ArrayList<>();
    for (Document d : s.documents()) {
      if (d.content() == null) continue;
      for (String p : Sentences.passages(d.content(), PASSAGE_CHARS)) if (passages.size() < MAX_PASSAGES) passages.add(p);
    }
    List<String> claims = Sentences.of(s.output()).stream().filter(x -> Sentences.isClaim(x, MIN_WORDS)).limit(MAX_SENTENCES).toList();
    if (passages.isEmpty() || claims.isEmpty()) return Outcome.NOT_APPLICABLE;
    List<float[]> docs = embedder.embedAll(passages);
    List<float[]> sentences = embedder.embedAll(claims);
    int supported = 0;
    int weakest = -1;
    double weakestScore = Double.MAX_VALUE;
    for (int i = 0; i < sentences.size(); i++) {
      double best = -1;
      for (float[] p : docs) best = Math.max(best, Vectors.dot(sentences.get(i), p));
      if (best >= threshold) supported++;
      if (best < weakestScore) {
        weakestScore = best;
        weakest = i;
      }
    }
    double share = supported / (double) claims.size();
    boolean ok = share >= minSupported;
    String why = String.format(Locale.ROOT, "%d of %d sentences supported by the %d retrieved document%s (similarity ≥ %s); "
            + "least supported (%.2f): \"%s\"", supported, claims.size(), s.documents().size(), s.documents().size() == 1 ? "" : "s",
        Options.plain(threshold), Math.max(0, weakestScore), Similarity.excerpt(claims.get(weakest), 160));
    return Similarity.numeric(share, ok, why);
  }
}
