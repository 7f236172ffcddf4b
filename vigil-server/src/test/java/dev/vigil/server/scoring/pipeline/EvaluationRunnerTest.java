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
    try (EvaluationRunner runner = new EvaluationRunner(2, Duration.ofMillis(200))) {
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
}
