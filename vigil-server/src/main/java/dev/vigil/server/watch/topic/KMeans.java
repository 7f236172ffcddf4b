package dev.vigil.server.watch.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Spherical k-means on unit vectors (sentence embeddings): distance is cosine distance 1 − u·v and a
 * centroid is its members' mean scaled back to unit length. Seeded with k-means++ from a fixed seed
 * and restarted a few times (the lowest total distance wins), so the same points always give the
 * same clusters. Ties go to the lower cluster index.
 */
public final class KMeans {
  static final int MAX_ITERATIONS = 100;

  private KMeans() {}

  /**
   * @param centroids unit vectors, fewer than asked when the points have fewer distinct positions
   * @param assignment each point's cluster index
   * @param cost total cosine distance of the points to their centroids
   */
  public record Result(List<float[]> centroids, int[] assignment, double cost) {
    public int k() {
      return centroids.size();
    }
  }

  public static Result fit(List<float[]> points, int k, long seed, int restarts) {
    if (points.isEmpty()) throw new IllegalArgumentException("no points to cluster");
    if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
    if (restarts < 1) throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
    Result best = null;
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int r = 0; r < restarts; r++) {
      Result x = once(points, k, seeds.split());
      if (best == null || x.cost() < best.cost() - 1e-12) best = x;
    }
    return best;
  }

  private static Result once(List<float[]> points, int k, SplittableRandom rnd) {
    List<float[]> centroids = seed(points, k, rnd);
    int[] assignment = new int[points.size()];
    Arrays.fill(assignment, -1);
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      boolean changed = false;
      for (int i = 0; i < points.size(); i++) {
        int c = nearest(points.get(i), centroids);
        if (c != assignment[i]) {
          assignment[i] = c;
          changed = true;
        }
      }
      if (!changed) break;
      for (int c = 0; c < centroids.size(); c++) {
        float[] mean = mean(points, assignment, c);
        if (mean != null) centroids.set(c, mean); // an emptied cluster keeps its old centroid
      }
    }
    double cost = 0;
    for (int i = 0; i < points.size(); i++) cost += distance(points.get(i), centroids.get(assignment[i]));
    return new Result(List.copyOf(centroids), assignment, cost);
  }

  /** k-means++: each further centre drawn with probability proportional to its squared distance to the chosen ones. */
  private static List<float[]> seed(List<float[]> points, int k, SplittableRandom rnd) {
    List<float[]> centres = new ArrayList<>();
    centres.add(points.get(rnd.nextInt(points.size())).clone());
    double[] d2 = new double[points.size()];
    Arrays.fill(d2, Double.MAX_VALUE);
    while (centres.size() < k) {
      float[] last = centres.get(centres.size() - 1);
      double total = 0;
      for (int i = 0; i < points.size(); i++) {
        double d = distance(points.get(i), last);
        d2[i] = Math.min(d2[i], d * d);
        total += d2[i];
      }
      if (total <= 1e-12) break; // every point sits on a centre already: no more distinct clusters
      double target = rnd.nextDouble() * total;
      int pick = -1;
      for (int i = 0; i < points.size(); i++) {
        if (d2[i] <= 0) continue;
        pick = i; // the last candidate, should rounding leave the target unspent
        target -= d2[i];
        if (target < 0) break;
      }
      centres.add(points.get(pick).clone());
    }
    return centres;
  }

  public static int nearest(float[] v, List<float[]> centroids) {
    int best = 0;
    double bestD = Double.MAX_VALUE;
    for (int c = 0; c < centroids.size(); c++) {
      double d = distance(v, centroids.get(c));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  /** Cosine distance of two unit vectors, in [0, 2]. */
  public static double distance(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) dot += (double) a[i] * b[i];
    return Math.max(0, 1 - dot);
  }

  /** The unit-length mean of cluster c's members, or null when it has none (or they cancel out). */
  static float[] mean(List<float[]> points, int[] assignment, int c) {
    double[] sum = null;
    for (int i = 0; i < points.size(); i++) {
      if (assignment[i] != c) continue;
      float[] p = points.get(i);
      if (sum == null) sum = new double[p.length];
      for (int d = 0; d < p.length; d++) sum[d] += p[d];
    }
    return sum == null ? null : unit(sum);
  }

  static float[] unit(double[] v) {
    double n = 0;
    for (double x : v) n += x * x;
    if (n <= 0) return null;
    n = Math.sqrt(n);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
    return out;
  }
}
