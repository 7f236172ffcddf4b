package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The filter that lets the score writer skip the duplicate look-up: no false negatives, few false positives. */
class StoredScoreKeysFilterTest {
  @Test
  void everyAddedTimeIsFoundAndFewOthersAre() {
    StoredScoreKeys.Filter filter = new StoredScoreKeys.Filter(200_000);
    SplittableRandom random = new SplittableRandom(7);
    Set<Long> added = new HashSet<>();
    long t = 1_795_000_000_000_000_000L;
    for (int i = 0; i < 100_000; i++) {
      t += random.nextLong(1, 5_000_000_000L); // start times of spans, in time order, up to 5 s apart
      filter.add(t);
      added.add(t);
    }
    for (long a : added) assertThat(filter.mayContain(a)).as("added time %d", a).isTrue();
    int falsePositives = 0;
    int probes = 0;
    while (probes < 200_000) {
      long other = 1_795_000_000_000_000_000L + random.nextLong(0, t - 1_795_000_000_000_000_000L);
      if (added.contains(other)) continue;
      probes++;
      if (filter.mayContain(other)) falsePositives++;
    }
    // half full (capacity twice the times, 20 bits a time at capacity: 40 bits a time here)
    assertThat(falsePositives).as("false positives among %d times never added", probes).isLessThan(probes / 1000);
  }

  @Test
  void subjectsThatStartedAtTheSameInstantAreDifferentKeys() {
    StoredScoreKeys.Filter filter = new StoredScoreKeys.Filter(100_000);
    long t = 1_795_000_000_000_000_000L;
    for (int i = 0; i < 20_000; i++) filter.add(StoredScoreKeys.key("trace" + i, "span" + i, t));
    assertThat(filter.mayContain(StoredScoreKeys.key("trace7", "span7", t))).isTrue();
    assertThat(StoredScoreKeys.key("trace7", null, t)).isNotEqualTo(StoredScoreKeys.key("trace7", "span7", t));
    int maybe = 0;
    for (int i = 20_000; i < 40_000; i++) if (filter.mayContain(StoredScoreKeys.key("trace" + i, "span" + i, t))) maybe++;
    assertThat(maybe).as("subjects never stored, at a stored time").isLessThan(20);
  }

  @Test
  void aFullFilterStillAnswersMostlyNo() {
    StoredScoreKeys.Filter filter = new StoredScoreKeys.Filter(50_000);
    for (long i = 0; i < 50_000; i++) filter.add(i * 1_000_003L);
    for (long i = 0; i < 50_000; i++) assertThat(filter.mayContain(i * 1_000_003L)).isTrue();
    int falsePositives = 0;
    for (long i = 0; i < 100_000; i++) if (filter.mayContain(i * 1_000_003L + 17)) falsePositives++;
    assertThat(falsePositives).as("false positives at capacity").isLessThan(100_000 / 100);
  }
}
