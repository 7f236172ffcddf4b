package dev.vigil.server.scoring.pipeline;

import dev.vigil.server.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Score;
import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.TestSubjects;
import dev.vigil.server.scoring.sampling.SamplingPolicy;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardParser;
import dev.vigil.server.scoring.scorecard.ScorecardRegistry;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.ScoringTask;
import dev.vigil.storage.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures are kept with their reason, retried after a backoff measured on the injected clock,
 * scored when a retry succeeds, and dead-lettered after the last attempt; scores are idempotent.
 */
class RetriesTest {
  @TempDir
  Path dir;
  DuckDbStorage storage;
  long project;
  TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
  ScoringSettings settings = new ScoringSettings(true, 2, Duration.ofSeconds(5), 3, Duration.ofSeconds(30), 100, null, "US");
  AtomicInteger calls = new AtomicInteger();
  EvaluationRunner runner;

  @BeforeEach
  void open() {
    storage = DuckDbStorage.builder(dir).threads(1).recentSpanKeys(10_000).build();
    project = storage.projectStore().createProject("p", null).id();
    runner = new EvaluationRunner(2, settings.evaluatorTimeout(), new ThreadCpu(System::nanoTime));
  }

  @AfterEach
  void close() {
    runner.close();
    storage.close();
  }

  /** Fails its first {@code failures} calls, then passes. */
  Scorecard card(int failures) {
    var flaky = EvaluationRunnerTest.of("flaky", () -> {
      if (calls.incrementAndGet() <= failures) throw new java.io.IOException("judge unavailable");
      return Outcome.pass("ok");
    });
    return new Scorecard("c", List.of("support-chat"), "v1", Scorecard.Target.LLM_CALL, SamplingPolicy.ALL,
        List.of(new Scorecard.Metric("m", flaky)), "api", "");
  }

  /** Scores the first page and waits for its commit (the pipeline does that before the next page). */
  PageScorer.Pass scorePage(Evaluations evaluations, Scorecard card) {
    try (PageScorer pages = new PageScorer(storage, evaluations, 100, new ThreadCpu(System::nanoTime))) {
      PageScorer.Pass pass = pages.run(project, new ScoringCheckpoint(null, null, 0), List.of(card), now(), (p, s, f) -> {});
      pages.settle();
      return pass;
    }
  }

  long now() {
    Instant t = clock.instant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Test
  void aFailureIsRetriedAfterItsBackoffAndThenScored() {
    Scorecard card = card(2);
    Span span = store();
    Evaluations evaluations = new Evaluations(runner, settings, new SimpleMeterRegistry());
    Retrier retrier = new Retrier(storage, registry(card), evaluations);

    PageScorer.Pass pass = scorePage(evaluations, card);
    assertThat(pass.failures()).isEqualTo(1);
    ScoringTask task = storage.scoringStore().dueTasks(project, Long.MAX_VALUE, 10).get(0);
    assertThat(task.lastError()).isEqualTo("IOException: judge unavailable");
    assertThat(task.nextAttemptEpochNanos()).isEqualTo(now() + Duration.ofSeconds(30).toNanos());

    assertThat(retrier.run(project, now())).isZero(); // not due yet
    clock.advance(Duration.ofSeconds(30));
    assertThat(retrier.run(project, now())).isEqualTo(1); // fails again: backoff doubles
    ScoringTask second = storage.scoringStore().dueTasks(project, Long.MAX_VALUE, 10).get(0);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(second.nextAttemptEpochNanos()).isEqualTo(now() + Duration.ofSeconds(60).toNanos());
    clock.advance(Duration.ofSeconds(60));
    retrier.run(project, now());

    List<Score> scores = storage.signalStore().scores(project, span.traceId());
    assertThat(scores).singleElement().satisfies(s -> {
      assertThat(s.metadata()).containsEntry("sampled_by", "retry").containsEntry("scorecard_version", "v1");
      assertThat(s.id()).isEqualTo(task.id()); // the task stood for exactly this score
    });
    assertThat(storage.scoringStore().taskCounts(project).retrying()).isZero();
    // replaying the page (a crash before the commit) writes nothing new
    scorePage(evaluations, card);
    assertThat(storage.signalStore().scores(project, span.traceId())).hasSize(1);
  }

  @Test
  void aProvidersRetryAfterPutsTheNextAttemptLaterThanTheBackoffButNeverSooner() {
    var limited = EvaluationRunnerTest.of("llm_judge", () -> {
      int n = calls.incrementAndGet();
      if (n == 1) throw new dev.vigil.server.scoring.eval.RetryLaterException("judge answered HTTP 429", Duration.ofMinutes(10), null);
      if (n == 2) throw new dev.vigil.server.scoring.eval.RetryLaterException("judge answered HTTP 503", Duration.ofSeconds(1), null);
      return Outcome.pass("ok");
    });
    Scorecard card = new Scorecard("c", List.of("support-chat"), "v1", Scorecard.Target.LLM_CALL, SamplingPolicy.ALL,
        List.of(new Scorecard.Metric("m", limited)), "api", "");
    store();
    Evaluations evaluations = new Evaluations(runner, settings, new SimpleMeterRegistry());
    Retrier retrier = new Retrier(storage, registry(card), evaluations);

    scorePage(evaluations, card);
    ScoringTask first = storage.scoringStore().dueTasks(project, Long.MAX_VALUE, 10).get(0);
    assertThat(first.lastError()).isEqualTo("judge answered HTTP 429");
    assertThat(first.nextAttemptEpochNanos()).isEqualTo(now() + Duration.ofMinutes(10).toNanos()); // not the 30 s backoff

    clock.advance(Duration.ofMinutes(10));
    retrier.run(project, now());
    ScoringTask second = storage.scoringStore().dueTasks(project, Long.MAX_VALUE, 10).get(0);
    assertThat(second.nextAttemptEpochNanos()).isEqualTo(now() + Duration.ofSeconds(60).toNanos()); // the backoff, not 1 s
    clock.advance(Duration.ofSeconds(60));
    retrier.run(project, now());
    assertThat(calls.get()).isEqualTo(3);
    assertThat(storage.scoringStore().taskCounts(project).retrying()).isZero();
  }

  @Test
  void theLastFailedAttemptIsADeadLetterWithItsReason() {
    Scorecard card = card(Integer.MAX_VALUE);
    store();
    Evaluations evaluations = new Evaluations(runner, settings, new SimpleMeterRegistry());
    Retrier retrier = new Retrier(storage, registry(card), evaluations);
    scorePage(evaluations, card);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofHours(1));
      retrier.run(project, now());
    }
    assertThat(storage.scoringStore().deadLetters(project, 10)).singleElement().satisfies(t -> {
      assertThat(t.attempts()).isEqualTo(3);
      assertThat(t.lastError()).isEqualTo("IOException: judge unavailable");
    });
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void aTaskWhoseScorecardChangedDiesAtOnce() {
    Scorecard card = card(Integer.MAX_VALUE);
    store();
    Evaluations evaluations = new Evaluations(runner, settings, new SimpleMeterRegistry());
    scorePage(evaluations, card);
    clock.advance(Duration.ofMinutes(5));
    new Retrier(storage, registry(), evaluations).run(project, now()); // the scorecard is gone
    assertThat(storage.scoringStore().deadLetters(project, 10)).singleElement()
        .satisfies(t -> assertThat(t.lastError()).startsWith("scorecard 'c' version v1 with metric 'm' is no longer defined"));
  }

  private Span store() {
    Span span = TestSubjects.call("q", "a").build();
    storage.spanConsumer().accept(project, List.of(span), List.of());
    storage.flush();
    return span;
  }

  private ScorecardRegistry registry(Scorecard... files) {
    return new ScorecardRegistry(storage.scoringStore(), new ScorecardParser(new Evaluators("US")), List.of(files), clock);
  }
}
