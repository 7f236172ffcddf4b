package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.storage.ScoringCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluator scores whose times were never stored skip the duplicate look-up ({@link StoredScoreKeys});
 * a repeat is still dropped: in the same process, after a restart (the filter is built from the
 * table), and among many new scores of a batch.
 */
class ITScoreDuplicates {
  @TempDir
  Path dir;

  @Test
  void aRepeatedEvaluatorScoreIsStoredOnceAcrossWritesAndRestarts() {
    long project;
    List<Score> first = scores(0, 500);
    try (DuckDbStorage storage = DuckDbStorage.builder(dir).threads(1).build()) {
      project = storage.projectStore().createProject("p", null).id();
      commit(storage, project, "1", first);
      commit(storage, project, "2", scores(500, 1000)); // new times: no look-up
      commit(storage, project, "3", first.subList(10, 20)); // repeats: dropped
      assertThat(count(storage, project)).isEqualTo(1000);
    }
    try (DuckDbStorage storage = DuckDbStorage.builder(dir).threads(1).build()) {
      List<Score> mixed = new ArrayList<>(scores(1000, 1100));
      mixed.addAll(first.subList(0, 5)); // a repeat among new scores after a restart
      commit(storage, project, "4", mixed);
      assertThat(count(storage, project)).isEqualTo(1100);
      assertThat(storage.signalStore().scores(project, first.get(0).traceId())).hasSize(1);
    }
  }

  private static void commit(DuckDbStorage storage, long project, String cursor, List<Score> scores) {
    storage.scoringStore().commit(project, new ScoringCheckpoint("0:" + cursor, null, 1), scores, List.of(), List.of());
  }

  private static long count(DuckDbStorage storage, long project) {
    long n = 0;
    for (int i = 0; i < 1100; i++) n += storage.signalStore().scores(project, trace(i)).size();
    return n;
  }

  private static List<Score> scores(int from, int to) {
    List<Score> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(new Score("ev_" + i, trace(i), "00f067aa0ba902b7", "m", ScoreDataType.BOOLEAN, 1.0, "pass", ScoreSource.EVAL,
          "ok", 1_790_000_000_000_000_000L + i * 7_919_000L, Map.of("scorecard", "c")));
    }
    return out;
  }

  private static String trace(int i) {
    return String.format("%032x", i + 1);
  }
}
