package dev.vigil.storage.duckdb;

import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.model.Span;
import dev.vigil.storage.tests.TestObjects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DuckDB's thread count is the builder's (0: one per core), and with one thread or several every row of a large insert
 * lands exactly once: score inserts let DuckDB's threads claim chunks of the batch concurrently
 * ({@link ScoreRowsScan}).
 */
class ITDuckDbThreads {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void everyRowOfALargeInsertLandsOnce(int threads) throws Exception {
    try (DuckDbStorage storage = DuckDbStorage.builder(dir).threads(threads).memoryLimit("256MB").build()) {
      assertThat(storage.setting("threads")).isEqualTo(Integer.toString(threads));
      long project = storage.projectStore().createProject("p", null).id();
      List<Span> spans = new ArrayList<>();
      for (int i = 0; spans.size() < 9_000; i++) spans.addAll(TestObjects.trace(T0 + i * 1_000_000L, "chat", "gpt-4o"));
      storage.spanConsumer().accept(project, spans, List.of()); // several of DuckDB's 2,048-row chunks
      storage.flush();
      List<Score> scores = new ArrayList<>();
      for (Span s : spans) {
        scores.add(new Score("ev_" + s.spanId(), s.traceId(), s.spanId(), "fast", ScoreDataType.BOOLEAN, 1.0, null,
            ScoreSource.EVAL, null, s.startEpochNanos(), Map.of()));
      }
      assertThat(storage.signalStore().putScores(project, scores)).hasSize(spans.size());
      assertThat(count(storage, project, "SELECT count(*), count(DISTINCT span_id) FROM spans"))
          .containsExactly((long) spans.size(), (long) spans.size());
      assertThat(count(storage, project, "SELECT count(*), count(DISTINCT id) FROM scores"))
          .containsExactly((long) spans.size(), (long) spans.size());
    }
  }

  @Test
  void zeroThreadsMeansOnePerCoreAndNegativeIsRefused() throws Exception {
    try (DuckDbStorage storage = DuckDbStorage.builder(dir).threads(0).build()) {
      assertThat(storage.setting("threads")).isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
    assertThatThrownBy(() -> DuckDbStorage.builder(dir).threads(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }

  private static List<Object> count(DuckDbStorage storage, long project, String sql) {
    return storage.sqlConsole().query(project, sql, 10, Duration.ofSeconds(30)).rows().get(0);
  }
}
