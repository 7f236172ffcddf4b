package dev.vigil.server.watch;

import dev.vigil.server.embed.EmbeddingDrift;
import dev.vigil.server.embed.Embedder;
import dev.vigil.server.watch.drift.DriftTest;
import dev.vigil.server.watch.drift.SignalDrift;
import dev.vigil.server.watch.drift.Verdict;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.SpanStore;
import java.util.List;

/**
 * Drift in what users ask: the questions of traces sampled in each window are embedded with the
 * in-process MiniLM and compared by {@link EmbeddingDrift} — the share of current questions farther
 * from the baseline's centroid than 95 % of the baseline's own, and the centroids' similarity.
 * The questions are a small sample spread over each window ({@link Questions}). A signal named
 * {@code input_embedding}.
 */
public final class InputEmbeddings implements DriftSource {
  public static final String SIGNAL = "input_embedding";

  private final Questions questions;
  private final Embedder embedder;

  public InputEmbeddings(SpanStore spans, Embedder embedder) {
    this.questions = new Questions(spans);
    this.embedder = embedder;
  }

  @Override
  public List<SignalDrift> drift(long projectId, SpanFilter baseline, SpanFilter current) {
    List<String> b = questions(projectId, baseline);
    List<String> c = questions(projectId, current);
    EmbeddingDrift.Result r = EmbeddingDrift.compare(embedder.embedAll(b), embedder.embedAll(c), EmbeddingDrift.Settings.defaults());
    Verdict verdict = switch (r.verdict()) {
      case DRIFT -> Verdict.DRIFTED;
      case STABLE -> Verdict.STABLE;
      case INSUFFICIENT_DATA -> Verdict.INSUFFICIENT_DATA;
    };
    List<DriftTest> tests = List.of(
        new DriftTest(SIGNAL, "far_share", finite(r.farShare()), "far_share", finite(r.farShare()), finite(r.pValue()),
            r.baselineSize(), r.currentSize(), verdict, r.explanation()),
        new DriftTest(SIGNAL, "centroid", finite(r.centroidSimilarity()), "centroid_similarity", finite(r.centroidSimilarity()),
            null, r.baselineSize(), r.currentSize(), verdict, null));
    return List.of(new SignalDrift(SIGNAL, "embedding", verdict, tests, null, null, null, null));
  }

  /** The non-blank questions of the sampled traces. */
  List<String> questions(long projectId, SpanFilter filter) {
    return questions.sample(projectId, filter).stream().map(Questions.Asked::text).filter(q -> !q.isBlank()).toList();
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
