package dev.vigil.server.embed;

import java.util.List;

/** Vector arithmetic for embeddings: unit vectors, cosine similarity, centroids. */
public final class Vectors {
  private Vectors() {}

  /** The vector scaled to unit length (a copy); the zero vector stays zero. */
  public static float[] normalize(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    if (norm == 0) return out;
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
    return out;
  }

  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
    return s;
  }

  /** Cosine similarity in [-1, 1]; 0 when either vector is zero. */
  public static double cosine(float[] a, float[] b) {
    double na = Math.sqrt(dot(a, a));
    double nb = Math.sqrt(dot(b, b));
    return na == 0 || nb == 0 ? 0 : Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
  }

  /** Component-wise sum, in double precision. */
  static double[] sum(List<float[]> vectors, int dims) {
    double[] s = new double[dims];
    for (float[] v : vectors) {
      if (v.length != dims) throw new IllegalArgumentException("vectors of " + v.length + " and " + dims + " dimensions");
      for (int i = 0; i < dims; i++) s[i] += v[i];
    }
    return s;
  }

  /** Cosine similarity of a vector to a direction given in double precision. */
  static double cosine(float[] a, double[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += (double) a[i] * a[i];
      bb += b[i] * b[i];
    }
    return aa == 0 || bb == 0 ? 0 : Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
  }
}
