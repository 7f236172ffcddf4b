package dev.vigil.server.watch.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KMeansTest {
  private static List<float[]> threeBlobs() {
    Blobs b = new Blobs(5);
    List<float[]> points = new ArrayList<>(b.around(0, 40, 0.15));
    points.addAll(b.around(3, 40, 0.15));
    points.addAll(b.around(7, 40, 0.15));
    return points;
  }

  @Test
  void separatesClearlyClusteredVectors() {
    List<float[]> points = threeBlobs();
    KMeans.Result r = KMeans.fit(points, 3, 1, 4);
    assertThat(r.k()).isEqualTo(3);
    Set<Integer> labels = new HashSet<>();
    for (int blob = 0; blob < 3; blob++) {
      int label = r.assignment()[blob * 40];
      for (int i = blob * 40; i < blob * 40 + 40; i++) assertThat(r.assignment()[i]).as("point %d", i).isEqualTo(label);
      labels.add(label);
    }
    assertThat(labels).hasSize(3);
    int[] axes = {0, 3, 7};
    for (int blob = 0; blob < 3; blob++) { // each centroid points along its blob's axis, at unit length
      float[] c = r.centroids().get(r.assignment()[blob * 40]);
      assertThat(c[axes[blob]]).isGreaterThan(0.9f);
      double norm = 0;
      for (float x : c) norm += x * x;
      assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void theSameSeedGivesTheSameClusters() {
    List<float[]> points = threeBlobs();
    Collections.shuffle(points, new Random(3));
    KMeans.Result a = KMeans.fit(points, 5, 42, 3);
    KMeans.Result b = KMeans.fit(points, 5, 42, 3);
    assertThat(a.assignment()).isEqualTo(b.assignment());
    assertThat(a.cost()).isEqualTo(b.cost());
    for (int c = 0; c < a.k(); c++) assertThat(a.centroids().get(c)).isEqualTo(b.centroids().get(c));
  }

  @Test
  void neverMoreClustersThanDistinctPoints() {
    float[] x = {1, 0, 0};
    float[] y = {0, 1, 0};
    KMeans.Result r = KMeans.fit(List.of(x, x, y, y, x), 4, 7, 2);
    assertThat(r.k()).isEqualTo(2);
    assertThat(r.assignment()[0]).isEqualTo(r.assignment()[1]).isEqualTo(r.assignment()[4]).isNotEqualTo(r.assignment()[2]);
    assertThat(r.cost()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> KMeans.fit(List.of(), 2, 1, 1)).hasMessageContaining("no points");
    assertThatThrownBy(() -> KMeans.fit(List.of(new float[] {1}), 0, 1, 1)).hasMessageContaining("k must be");
  }

  @Test
  void topicModelPicksTheNumberOfBlobsBySilhouette() {
    TopicModel m = TopicModel.fit(threeBlobs(), 8, 9);
    assertThat(m.k()).isEqualTo(3);
    assertThat(m.silhouette()).isGreaterThan(0.5);
    float[] far = new float[Blobs.DIMS];
    far[12] = 1; // an axis no blob lies on: a new topic
    assertThat(m.assign(far)).isEqualTo(-1);
    assertThat(m.assign(threeBlobs().get(45))).isGreaterThanOrEqualTo(0);
  }
}
