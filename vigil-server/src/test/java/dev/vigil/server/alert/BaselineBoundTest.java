package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.duckdb.DuckDbStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixed-period and pinned-version baselines judged over real stored traffic on the embedded store. */
class BaselineBoundTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final long NOW = T0.getEpochSecond() * 1_000_000_000L;

  @TempDir
  Path dir;
  private DuckDbStorage storage;
  private long project;
  private Traffic traffic;
  private ClauseEvaluator clauses;

  @BeforeEach
  void open() {
    storage = DuckDbStorage.builder(dir).build();
    project = storage.projectStore().createProject("baselines", null).id();
    traffic = new Traffic(storage, project, 5);
    clauses = new ClauseEvaluator(new MetricSource(storage.metricStore(), storage.scoreMetricStore(), storage.monitorStore(),
        storage.sampleStore(), storage.signalStore()),
        storage.monitorStore());
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private ClauseEvaluator.Outcome judge(String condition, Map<Dimension, List<String>> slice) {
    AlertRule rule = new AlertRule("r", Severity.WARNING, Condition.parse(condition), Duration.ofMinutes(5), slice, null, 10,
        List.of(), null, null);
    return clauses.evaluate(project, rule, rule.condition().clauses().get(0), "", slice, NOW);
  }

  @Test
  void aPinnedVersionBaselineFiresWhenTheNewVersionIsWorse() {
    traffic.run(T0.minus(Duration.ofHours(8)), T0.minus(Duration.ofHours(2)), Traffic.SUPPORT.withPrompt("v1", 8.3));
    traffic.run(T0.minus(Duration.ofHours(2)), T0, Traffic.SUPPORT.withPrompt("v2", 6.5));
    storage.flush();
    Map<Dimension, List<String>> v2 = Map.of(Dimension.PROMPT_VERSION, List.of("v2"));

    ClauseEvaluator.Outcome pinned = judge("answer_relevance.p50 < 0.9 * baseline prompt_version v1", v2);
    assertThat(pinned.holds()).isTrue();
    assertThat(pinned.value()).isBetween(6.0, 7.0); // the current side is still v2 only
    assertThat(pinned.text()).contains("prompt_version v1 over the last 7d").containsPattern("baseline 8\\.[0-9]");

    // against its own trailing week v2 looks normal: only the pin sees the regression
    assertThat(judge("answer_relevance.p50 < 0.9 * baseline", v2).holds()).isFalse();
    // and v1 pinned against itself does not fire
    assertThat(judge("answer_relevance.p50 < 0.9 * baseline prompt_version v1", Map.of(Dimension.PROMPT_VERSION, List.of("v1")))
        .value()).isNull(); // no v1 calls in the current window
    assertThat(judge("answer_relevance.p50 < 0.9 * baseline prompt_version v0", v2).text())
        .contains("no baseline with 10 samples in prompt_version v0 over the last 7d");
  }

  @Test
  void aFixedPeriodBaselineComparesAgainstThatPeriod() {
    traffic.run(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T06:00:00Z"), Traffic.SUPPORT.withLatency(800));
    traffic.run(T0.minus(Duration.ofHours(24)), T0, Traffic.SUPPORT.withLatency(1200));
    storage.flush();

    ClauseEvaluator.Outcome fixed = judge("latency_p95_ms > 1.3 * baseline 2026-11-20..2026-11-20T06:00", Map.of());
    assertThat(fixed.holds()).isTrue();
    assertThat(fixed.text()).contains("2026-11-20..2026-11-20T06:00");
    // the trailing week is mostly the slower traffic: no alarm against it
    assertThat(judge("latency_p95_ms > 1.3 * baseline 7d", Map.of()).holds()).isFalse();
    // sums are scaled from the period to one window: 6 calls a minute both times
    assertThat(judge("count < 0.5 * baseline 2026-11-20..2026-11-20T06:00", Map.of()).holds()).isFalse();
    assertThat(judge("count > 1.5 * baseline 2026-11-20..2026-11-20T06:00", Map.of()).holds()).isFalse();

    ClauseEvaluator.Outcome notOver = judge("latency_p95_ms > 1.3 * baseline 2026-11-22..2026-11-23", Map.of());
    assertThat(notOver.holds()).isFalse();
    assertThat(notOver.value()).isNull();
    assertThat(notOver.text()).contains("the baseline period 2026-11-22..2026-11-23 is not over yet");
  }
}
