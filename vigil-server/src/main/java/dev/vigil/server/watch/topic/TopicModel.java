package dev.vigil.server.watch.topic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Topics found in the baseline's questions: spherical k-means ({@link KMeans}) for every k from 2 to
 * the maximum, keeping the k with the best mean silhouette (so two real topics are not cut into
 * eight), plus a radius beyond which a question belongs to no baseline topic ("other": new topics).
 *
 * <p>The radius is the {@link #PERCENTILE} of the baseline's own distances to their nearest topic,
 * each measured with the question left out of its topic's centroid: against a centroid it helped to
 * form every question looks closer than a new one would, which would make unchanged current traffic
 * look "other" more often than the baseline. Baseline questions are assigned the same left-out way,
 * so with no drift about 5 % of both windows is "other".
 */
public final class TopicModel {
  public static final double PERCENTILE = 0.95;
  static final int RESTARTS = 4;

  private final List<float[]> centroids;
  private final List<double[]> sums;
  private final int[] sizes;
  private final int[] fitted;
  private final double radius;
  private final double silhouette;

  private TopicModel(List<float[]> baseline, KMeans.Result r, double silhouette) {
    this.centroids = r.centroids();
    this.fitted = r.assignment();
    this.silhouette = silhouette;
    this.sums = new ArrayList<>();
    this.sizes = new int[r.k()];
    int dims = baseline.get(0).length;
    for (int c = 0; c < r.k(); c++) sums.add(new double[dims]);
    for (int i = 0; i < baseline.size(); i++) {
      double[] s = sums.get(fitted[i]);
      float[] v = baseline.get(i);
      for (int d = 0; d < dims; d++) s[d] += v[d];
      sizes[fitted[i]]++;
    }
    double[] own = new double[baseline.size()];
    for (int i = 0; i < baseline.size(); i++) own[i] = leftOut(i, baseline.get(i))[1];
    this.radius = Quantile.withDefaults().evaluate(own, PERCENTILE);
  }

  /** Fits topics on unit vectors (distinct ones: duplicates distort silhouettes and left-out distances); at least two. */
  public static TopicModel fit(List<float[]> baseline, int maxTopics, long seed) {
    if (baseline.size() < 2) throw new IllegalArgumentException("at least two baseline questions are needed, got " + baseline.size());
    if (maxTopics < 1) throw new IllegalArgumentException("maxTopics must be at least 1, got " + maxTopics);
    if (maxTopics == 1) return new TopicModel(baseline, KMeans.fit(baseline, 1, seed, 1), Double.NaN);
    double[][] dist = distances(baseline);
    KMeans.Result best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k = 2; k <= Math.min(maxTopics, baseline.size() - 1); k++) {
      KMeans.Result r = KMeans.fit(baseline, k, seed, RESTARTS);
      if (r.k() < k && best != null && r.k() <= best.k()) break; // no more distinct positions to split
      double s = r.k() < 2 ? Double.NEGATIVE_INFINITY : silhouette(dist, r.assignment(), r.k());
      if (best == null || s > bestScore + 1e-9) {
        best = r;
        bestScore = s;
      }
    }
    if (best == null) best = KMeans.fit(baseline, 1, seed, 1);
    return new TopicModel(baseline, best, Double.isFinite(bestScore) ? bestScore : Double.NaN);
  }

  public int k() {
    return centroids.size();
  }

  public List<float[]> centroids() {
    return centroids;
  }

  /** Cosine distance beyond which a question belongs to no topic. */
  public double radius() {
    return radius;
  }

  /** Mean silhouette of the chosen clustering (NaN for one topic). */
  public double silhouette() {
    return silhouette;
  }

  /** The topic of a new (current) question, or -1 for "other". */
  public int assign(float[] v) {
    int c = KMeans.nearest(v, centroids);
    return KMeans.distance(v, centroids.get(c)) > radius ? -1 : c;
  }

  /** The topic of baseline question i (the vector it was fitted with), judged with itself left out; -1 for "other". */
  public int assignBaseline(int i, float[] v) {
    double[] r = leftOut(i, v);
    return r[1] > radius ? -1 : (int) r[0];
  }

  /** {nearest topic, distance} with point i taken out of its own topic's centroid. */
  private double[] leftOut(int i, float[] v) {
    int best = -1;
    double bestD = Double.MAX_VALUE;
    for (int c = 0; c < centroids.size(); c++) {
      float[] centroid = centroids.get(c);
      if (c == fitted[i]) {
        if (sizes[c] < 2) continue; // alone in its topic: only the others can claim it
        double[] s = sums.get(c).clone();
        for (int d = 0; d < s.length; d++) s[d] -= v[d];
        centroid = KMeans.unit(s);
        if (centroid == null) continue;
      }
      double d = KMeans.distance(v, centroid);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best < 0 ? new double[] {fitted[i], 2} : new double[] {best, bestD};
  }

  static double[][] distances(List<float[]> points) {
    int n = points.size();
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) d[i][j] = d[j][i] = KMeans.distance(points.get(i), points.get(j));
    }
    return d;
  }

  /** Mean silhouette: per point (b − a) / max(a, b), a its mean distance within its cluster, b to the nearest other. */
  static double silhouette(double[][] dist, int[] assignment, int k) {
    int n = assignment.length;
    int[] size = new int[k];
    for (int c : assignment) size[c]++;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double[] sum = new double[k];
      for (int j = 0; j < n; j++) if (j != i) sum[assignment[j]] += dist[i][j];
      int own = assignment[i];
      if (size[own] < 2) continue; // a singleton's silhouette is 0
      double a = sum[own] / (size[own] - 1);
      double b = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
      double m = Math.max(a, b);
      if (b != Double.MAX_VALUE && m > 0) total += (b - a) / m;
    }
    return total / n;
  }
}
