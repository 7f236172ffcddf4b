package dev.vigil.server.scoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.eval.TestSubjects;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing or hanging evaluator fails alone; the others' results come back. */
class EvaluationRunnerTest {
  static Evaluator of(String type, Evaluation body) {
    return new Evaluator() {
      @Override public String type() { return type; }
      @Override public int version() { return 1; }
      @Override public Outcome evaluate(Subject s) throws Exception { return body.run(); }
    };
  }

  /** A rule the runner batches ({@link Evaluator#cheap()}). */
  static Evaluator cheap(String type, Evaluation body) {
    return new Evaluator() {
      @Override public String type() { return type; }
      @Override public int version() { return 1; }
      @Override public boolean cheap() { return true; }
      @Override public Outcome evaluate(Subject s) throws Exception { return body.run(); }
    };
  }

  interface Evaluation {
    Outcome run() throws Exception;
  }

  @Test
  void failuresAndTimeoutsAreIsolated() {
    Evaluator ok = of("ok", () -> Outcome.pass("fine"));
    Evaluator broken = of("broken", () -> {
      throw new IllegalStateException("schema server unreachable");
    });
    Evaluator hangs = of("hangs", () -> {
      Thread.sleep(Long.MAX_VALUE); // interrupted by the timeout
      return Outcome.pass("never");
    });
    try (EvaluationRunner runner = new EvaluationRunner(2, Duration.ofMillis(200), new ThreadCpu(System::nanoTime))) {
      Subject s = TestSubjects.subject("q", "a");
      List<Evaluator> evaluators = List.of(hangs, ok, broken, hangs, ok, ok, ok);
      List<EvaluationRunner.Result> results = runner.runAll(evaluators, Collections.nCopies(evaluators.size(), s));

      assertThat(results.get(0).failure()).isEqualTo("timed out after 200 ms");
      assertThat(results.get(3).failure()).isEqualTo("timed out after 200 ms");
      assertThat(results.get(2).failure()).isEqualTo("IllegalStateException: schema server unreachable");
      for (int i : new int[] {1, 4, 5, 6}) assertThat(results.get(i).outcome()).isEqualTo(Outcome.pass("fine"));
      // both workers were busy with hanging evaluations and were freed by the timeout: later work ran
      assertThat(runner.runAll(List.of(ok), List.of(s)).get(0).outcome().passed()).isTrue();
    }
  }

  @Test
  void aBatchOfRulesIsolatesAFailingAndAHangingOne() {
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    Evaluator ok = cheap("ok", () -> {
      runs.incrementAndGet();
      return Outcome.pass("fine");
    });
    Evaluator broken = cheap("broken", () -> {
      throw new IllegalArgumentException("bad pattern");
    });
    Evaluator hangs = cheap("hangs", () -> {
      Thread.sleep(Long.MAX_VALUE); // interrupted by the timeout
      return Outcome.pass("never");
    });
    try (EvaluationRunner runner = new EvaluationRunner(2, Duration.ofMillis(200), new ThreadCpu(System::nanoTime))) {
      Subject s = TestSubjects.subject("q", "a");
      // more than a batch, a hanging and a failing rule in the middle of the first one, another hang later
      List<Evaluator> evaluators = new java.util.ArrayList<>(Collections.nCopies(EvaluationRunner.BATCH * 2 + 5, ok));
      evaluators.set(3, hangs);
      evaluators.set(4, broken);
      evaluators.set(EvaluationRunner.BATCH + 7, hangs);
      List<EvaluationRunner.Result> results = runner.runAll(evaluators, Collections.nCopies(evaluators.size(), s));

      assertThat(results).hasSize(evaluators.size());
      assertThat(results.get(3).failure()).isEqualTo("timed out after 200 ms");
      assertThat(results.get(EvaluationRunner.BATCH + 7).failure()).isEqualTo("timed out after 200 ms");
      assertThat(results.get(4).failure()).isEqualTo("IllegalArgumentException: bad pattern");
      for (int i = 0; i < results.size(); i++) {
        if (i == 3 || i == 4 || i == EvaluationRunner.BATCH + 7) continue;
        assertThat(results.get(i).outcome()).as("evaluation %d", i).isEqualTo(Outcome.pass("fine"));
      }
      // the evaluations after the hanging one in its batch ran, each once
      assertThat(runs.get()).isEqualTo(evaluators.size() - 3);
      // the interrupt that stopped the hang did not leak into the next batch on that worker
      assertThat(runner.runAll(List.of(ok, ok), List.of(s, s))).allSatisfy(r -> assertThat(r.outcome().passed()).isTrue());
    }
  }

  @Test
  void aRuleBatchedAfterASlowOneGetsItsOwnFullTimeout() {
    // each takes 150 ms of a 400 ms timeout: together over it, alone within it
    Evaluator slowish = cheap("slowish", () -> {
      Thread.sleep(150);
      return Outcome.pass("in time");
    });
    try (EvaluationRunner runner = new EvaluationRunner(1, Duration.ofMillis(400), new ThreadCpu(System::nanoTime))) {
      Subject s = TestSubjects.subject("q", "a");
      List<EvaluationRunner.Result> results = runner.runAll(List.of(slowish, slowish, slowish), List.of(s, s, s));
      assertThat(results).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.pass("in time")));
    }
  }
}
