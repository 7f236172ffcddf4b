package dev.vigil.server.embed;

import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Has what people ask (or what the model answers) moved away from a baseline? A pure function of
 * two samples of embeddings.
 *
 * <p>The baseline defines "typical" by its own spread: each baseline vector's cosine distance to the
 * baseline's centroid, and the {@code percentile} (95th by default) of those distances as the radius.
 * If the current traffic is like the baseline, about 5 % of it lies beyond that radius; a one-sided
 * binomial test says whether the current share is significantly more, and DRIFT needs that share to be
 * at least {@code minShareRatio} times the expected one too, so a large sample cannot flag a shift too
 * small to matter. The centroids' cosine similarity is reported beside it as the headline number.
 *
 * <p>Each baseline vector is measured against the centroid of the <em>other</em> baseline vectors:
 * against a centroid it helped to form, every point looks closer than a new one would (markedly so in
 * 384 dimensions and a few dozen samples), which would shrink the radius and flag drift in unchanged
 * traffic.
 */
public final class EmbeddingDrift {
  private EmbeddingDrift() {}

  public enum Verdict { INSUFFICIENT_DATA, STABLE, DRIFT }

  /**
   * @param percentile of the baseline's distances used as the "far" radius, in (0.5, 1)
   * @param minBaseline, minCurrent samples below which the verdict is INSUFFICIENT_DATA
   * @param alpha significance level of the binomial test
   * @param minShareRatio how many times the expected far share the current one must reach for DRIFT
   */
  public record Settings(double percentile, int minBaseline, int minCurrent, double alpha, double minShareRatio) {
    public Settings {
      if (!(percentile > 0.5 && percentile < 1)) throw new IllegalArgumentException("percentile must be in (0.5, 1), got " + percentile);
      if (minBaseline < 3) throw new IllegalArgumentException("minBaseline must be at least 3, got " + minBaseline);
      if (minCurrent < 1) throw new IllegalArgumentException("minCurrent must be positive, got " + minCurrent);
      if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
      if (minShareRatio < 1) throw new IllegalArgumentException("minShareRatio must be at least 1, got " + minShareRatio);
    }

    public static Settings defaults() {
      return new Settings(0.95, 30, 20, 0.01, 2.0);
    }
  }

  /**
   * @param centroidSimilarity cosine similarity of the two samples' centroids (1: same direction)
   * @param radius the baseline's {@code percentile} cosine distance to its centroid
   * @param farShare share of current vectors farther than {@code radius} from the baseline's centroid
   * @param expectedFarShare what that share is without drift: 1 − percentile
   * @param pValue one-sided binomial test of farShare > expectedFarShare (NaN when not enough data)
   */
  public record Result(int baselineSize, int currentSize, double centroidSimilarity, double radius, double farShare,
      double expectedFarShare, double pValue, Verdict verdict, String explanation) {}

  public static Result compare(List<float[]> baseline, List<float[]> current, Settings s) {
    double expected = 1 - s.percentile();
    int nb = baseline.size();
    int nc = current.size();
    if (nb < s.minBaseline() || nc < s.minCurrent() || nb == 0 || nc == 0) {
      return new Result(nb, nc, Double.NaN, Double.NaN, Double.NaN, expected, Double.NaN, Verdict.INSUFFICIENT_DATA,
          String.format(Locale.ROOT, "%d baseline and %d current samples; at least %d and %d are needed", nb, nc,
              s.minBaseline(), s.minCurrent()));
    }
    int dims = baseline.get(0).length;
    List<float[]> b = baseline.stream().map(Vectors::normalize).toList();
    List<float[]> c = current.stream().map(Vectors::normalize).toList();
    double[] sum = Vectors.sum(b, dims);
    double[] currentSum = Vectors.sum(c, dims);
    double[] own = new double[nb];
    double[] others = new double[dims];
    for (int i = 0; i < nb; i++) {
      float[] v = b.get(i);
      for (int d = 0; d < dims; d++) others[d] = sum[d] - v[d];
      own[i] = 1 - Vectors.cosine(v, others);
    }
    double radius = Quantile.withDefaults().evaluate(own, s.percentile());
    int far = 0;
    for (float[] v : c) if (1 - Vectors.cosine(v, sum) > radius) far++;
    float[] currentCentroid = toFloat(currentSum);
    double centroidSimilarity = Vectors.cosine(currentCentroid, sum);
    double share = far / (double) nc;
    double p = BinomialTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(nc, far, expected).getPValue();
    boolean drift = p < s.alpha() && share >= s.minShareRatio() * expected;
    String why = String.format(Locale.ROOT,
        "%.0f%% of %d current samples lie beyond the baseline's %.0fth-percentile distance (%.3f) from its centroid, "
            + "%.0f%% expected (binomial p = %.3g); centroid similarity %.3f over %d baseline samples",
        share * 100, nc, s.percentile() * 100, radius, expected * 100, p, centroidSimilarity, nb);
    return new Result(nb, nc, centroidSimilarity, radius, share, expected, p, drift ? Verdict.DRIFT : Verdict.STABLE, why);
  }

  private static float[] toFloat(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
    return out;
  }
}
