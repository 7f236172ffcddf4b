package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentSpanKeysTest {

  @Test
  void remembersTheLastNAndForgetsOlderOnes() {
    RecentSpanKeys keys = new RecentSpanKeys(3);
    assertThat(keys.add(1)).isTrue();
    assertThat(keys.add(2)).isTrue();
    assertThat(keys.add(1)).isFalse();
    assertThat(keys.add(3)).isTrue();
    assertThat(keys.add(4)).isTrue(); // evicts 1
    assertThat(keys.contains(1)).isFalse();
    assertThat(keys.contains(2)).isTrue();
    assertThat(keys.size()).isEqualTo(3);
  }

  @Test
  void agreesWithAReferenceModelUnderChurn() {
    int capacity = 1000;
    RecentSpanKeys keys = new RecentSpanKeys(capacity);
    ArrayDeque<Long> window = new ArrayDeque<>();
    Set<Long> reference = new HashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long key = 1 + random.nextInt(3000); // small range: many repeats and collisions in probing
      boolean expectedNew = !reference.contains(key);
      assertThat(keys.add(key)).isEqualTo(expectedNew);
      if (expectedNew) {
        if (window.size() == capacity) reference.remove(window.removeFirst());
        window.addLast(key);
        reference.add(key);
      }
    }
    for (long k = 1; k <= 3000; k++) assertThat(keys.contains(k)).isEqualTo(reference.contains(k));
  }

  @Test
  void keysDependOnProjectTraceAndSpan() {
    long a = RecentSpanKeys.key(1, 10, 11, 12);
    assertThat(RecentSpanKeys.key(1, 10, 11, 12)).isEqualTo(a);
    assertThat(RecentSpanKeys.key(2, 10, 11, 12)).isNotEqualTo(a);
    assertThat(RecentSpanKeys.key(1, 11, 10, 12)).isNotEqualTo(a);
    assertThat(RecentSpanKeys.key(1, 10, 11, 13)).isNotEqualTo(a);
  }
}
