package dev.vigil.server.scoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.TestSubjects;
import dev.vigil.server.scoring.sampling.SamplingPolicy;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.Storage;
import dev.vigil.storage.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's commit runs while the next page is evaluated, yet commits land in log order: when one
 * fails, the next page is not committed either, and scoring again from the stored checkpoint scores
 * both pages exactly once.
 */
class PageScorerTest {
  @TempDir
  Path dir;
  DuckDbStorage storage;
  long project;
  EvaluationRunner runner;
  final AtomicBoolean failNextCommit = new AtomicBoolean();
  final ScoringSettings settings = new ScoringSettings(true, 2, Duration.ofSeconds(5), 3, Duration.ofSeconds(30), 1, null, "US");

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

  /** The real storage, except that a scoring commit fails when asked to (a full disk, say). */
  Storage failing() {
    ScoringStore real = storage.scoringStore();
    ScoringStore store = (ScoringStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ScoringStore.class},
        (proxy, m, args) -> {
          if (m.getName().equals("commit") && failNextCommit.getAndSet(false)) throw new IllegalStateException("disk full");
          try {
            return m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (Storage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Storage.class}, (proxy, m, args) -> {
      if (m.getName().equals("scoringStore")) return store;
      try {
        return m.invoke(storage, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  @Test
  void aFailedCommitHoldsBackTheNextPageAndBothAreScoredOnceFromTheStoredCheckpoint() {
    Span first = store();
    Span second = store();
    Scorecard card = new Scorecard("c", List.of("support-chat"), "v1", Scorecard.Target.LLM_CALL, SamplingPolicy.ALL,
        List.of(new Scorecard.Metric("m", EvaluationRunnerTest.cheap("ok", () -> Outcome.pass("ok")))), "api", "");
    Evaluations evaluations = new Evaluations(runner, settings, new SimpleMeterRegistry());
    AtomicInteger committedScores = new AtomicInteger();
    PageScorer.Committed committed = (p, scores, failures) -> committedScores.addAndGet(scores);
    try (PageScorer pages = new PageScorer(failing(), evaluations, 1, new ThreadCpu(System::nanoTime))) { // one span a page
      failNextCommit.set(true);
      PageScorer.Pass one = pages.run(project, new ScoringCheckpoint(null, null, 0), List.of(card), 1, committed);
      assertThat(one.spansRead()).isEqualTo(1);
      // the second page is evaluated, but its commit is not handed over after the first one failed
      assertThatThrownBy(() -> pages.run(project, one.checkpoint(), List.of(card), 2, committed))
          .isInstanceOf(PageScorer.CommitFailed.class).hasMessageContaining("disk full");
      pages.settle(); // nothing in flight
      assertThat(storage.scoringStore().checkpoint(project)).isEmpty();
      assertThat(scores(first) + scores(second)).isZero();
      assertThat(committedScores.get()).isZero();

      // what the pipeline does next: start again from the stored checkpoint
      ScoringCheckpoint from = storage.scoringStore().checkpoint(project).orElse(new ScoringCheckpoint(null, null, 0));
      PageScorer.Pass again = pages.run(project, from, List.of(card), 3, committed);
      PageScorer.Pass next = pages.run(project, again.checkpoint(), List.of(card), 4, committed);
      assertThat(pages.run(project, next.checkpoint(), List.of(card), 5, committed).spansRead()).isZero();
      pages.settle();
      assertThat(storage.scoringStore().checkpoint(project).orElseThrow().cursor()).isEqualTo(next.checkpoint().cursor());
    }
    assertThat(scores(first)).isEqualTo(1);
    assertThat(scores(second)).isEqualTo(1);
    assertThat(committedScores.get()).isEqualTo(2);
  }

  private int scores(Span span) {
    return storage.signalStore().scores(project, span.traceId()).size();
  }

  private Span store() {
    Span span = TestSubjects.call("q", "a").build();
    storage.spanConsumer().accept(project, List.of(span), List.of());
    storage.flush();
    return span;
  }
}
