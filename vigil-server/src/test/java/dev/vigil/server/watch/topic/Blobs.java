package dev.vigil.server.watch.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded unit vectors scattered around axis directions: clearly separated "topics" for clustering tests. */
final class Blobs {
  static final int DIMS = 16;
  private final Random rnd;

  Blobs(long seed) {
    rnd = new Random(seed);
  }

  /** {@code n} unit vectors around axis {@code axis}, each coordinate jittered by N(0, noise). */
  List<float[]> around(int axis, int n, double noise) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] v = new double[DIMS];
      v[axis] = 1;
      for (int d = 0; d < DIMS; d++) v[d] += noise * rnd.nextGaussian();
      out.add(KMeans.unit(v));
    }
    return out;
  }
}
