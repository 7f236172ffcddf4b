package dev.vigil.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void resultsKeepInputOrderAndWorkRunsOnSeveralThreads() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    List<Integer> out = Parallel.map(List.of(1, 2, 3), x -> {
      threads.add(Thread.currentThread());
      return x * 10;
    });
    assertThat(out).containsExactly(10, 20, 30);
    assertThat(threads).hasSize(3).contains(Thread.currentThread());
  }

  @Test
  void failuresSurface() {
    assertThatThrownBy(() -> Parallel.map(List.of(1, 2), x -> {
      if (x == 1) throw new IllegalArgumentException("bad " + x);
      return x;
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad 1");
  }

  @Test
  void splitsIntoConsecutiveNearlyEqualParts() {
    List<Integer> items = IntStream.range(0, 7).boxed().toList();
    assertThat(Parallel.split(items, 2)).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5, 6));
    assertThat(Parallel.split(items, 1)).containsExactly(items);
    assertThat(Parallel.split(List.of(1), 4)).containsExactly(List.of(1));
    assertThat(Parallel.split(List.of(), 2)).containsExactly(List.of());
  }
}
