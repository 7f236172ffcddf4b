package dev.vigil.server.scoring.judge;

import static dev.vigil.server.scoring.judge.OpenAiStub.completion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.ScoreDataType;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily judge budget: spent, judging is skipped visibly; it holds across a restart and renews the next day. */
class JudgeBudgetTest {
  @TempDir
  Path dir;
  JudgeFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new JudgeFixture(dir);
    f.budgetUsd = 0.0005; // each call below costs $0.00027
    f.cheap.always(completion("{\"score\": 4, \"reason\": \"fine\"}", 1000, 200));
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void onceTheBudgetIsSpentJudgingIsSkippedVisiblyEvenAfterARestartUntilTheNextDay() throws Exception {
    Evaluator helpful = f.metric(f.panel(), JudgeEvaluatorTest.HELPFUL);
    assertThat(helpful.evaluate(JudgeFixture.subject("q1?", "a")).value()).isEqualTo(4.0);
    assertThat(helpful.evaluate(JudgeFixture.subject("q2?", "a")).value()).isEqualTo(4.0); // $0.00027 spent, under $0.0005

    Outcome skipped = helpful.evaluate(JudgeFixture.subject("q3?", "a"));
    assertThat(skipped.dataType()).isEqualTo(ScoreDataType.CATEGORICAL);
    assertThat(skipped.label()).isEqualTo("skipped");
    assertThat(skipped.explanation()).isEqualTo("not judged: the project's daily judge budget of $0.0005 is spent");
    assertThat(skipped.metadata()).containsEntry("judge_skipped", "budget");
    assertThat(f.cheap.requests()).hasSize(2);
    assertThat(f.metrics.counter("vigil.scoring.judge.skipped", "reason", "budget").count()).isEqualTo(1);

    f.reopen(); // a restart: today's spend is read back from storage
    Evaluator afterRestart = f.metric(f.panel(), JudgeEvaluatorTest.HELPFUL);
    assertThat(afterRestart.evaluate(JudgeFixture.subject("q4?", "a")).label()).isEqualTo("skipped");
    assertThat(f.cheap.requests()).hasSize(2);

    f.clock.advance(Duration.ofDays(1));
    assertThat(afterRestart.evaluate(JudgeFixture.subject("q5?", "a")).value()).isEqualTo(4.0);
    assertThat(f.cheap.requests()).hasSize(3);
  }

  @Test
  void theBudgetIsPerProject() throws Exception {
    JudgePanel panel = f.panel();
    Evaluator first = f.metric(panel, JudgeEvaluatorTest.HELPFUL);
    first.evaluate(JudgeFixture.subject("q1?", "a"));
    first.evaluate(JudgeFixture.subject("q2?", "a"));
    assertThat(first.evaluate(JudgeFixture.subject("q3?", "a")).label()).isEqualTo("skipped");

    f.project = f.storage.projectStore().createProject("other", null).id();
    Evaluator other = f.metric(panel, JudgeEvaluatorTest.HELPFUL);
    assertThat(other.evaluate(JudgeFixture.subject("q4?", "a")).value()).isEqualTo(4.0);
  }
}
