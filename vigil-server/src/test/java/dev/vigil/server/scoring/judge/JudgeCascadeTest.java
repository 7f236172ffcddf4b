package dev.vigil.server.scoring.judge;

import static dev.vigil.server.scoring.judge.OpenAiStub.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.scorecard.ScorecardException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cascade: the cheap judge first, the strong one only for borderline scores; and metric validation. */
class JudgeCascadeTest {
  static final String CASCADE = """
        - name: helpful
          type: llm_judge
          judge: cheap
          scale: [1, 5]
          escalate:
            judge: strong
            band: [2, 4]
          rubric: "Rate the answer. Question: {{question}} Answer: {{answer}}"
      """;

  @TempDir
  Path dir;
  JudgeFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new JudgeFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aBorderlineScoreAsksTheStrongJudgeWhoseScoreDecides() throws Exception {
    f.cheap.then(completion("{\"score\": 3, \"reason\": \"unsure\"}", 1000, 100));
    f.strong.then(completion("{\"score\": 5, \"reason\": \"Fully correct.\"}", 1000, 100));
    Evaluator helpful = f.metric(f.panel(), CASCADE);

    Outcome o = helpful.evaluate(JudgeFixture.subject("q?", "a"));

    assertThat(o.value()).isEqualTo(5.0);
    assertThat(o.explanation()).isEqualTo("Fully correct.");
    // cheap: 1000*0.15/M + 100*0.6/M = 0.00021; strong: 1000*1.5/M + 100*6/M = 0.0021
    assertThat(o.metadata()).containsEntry("judge", "strong").containsEntry("judge_model", "strong-model")
        .containsEntry("judges_asked", "cheap,strong").containsEntry("judge_first_score", "3")
        .containsEntry("judge_input_tokens", "2000").containsEntry("judge_cost_usd", "0.002310");
    assertThat(f.strong.requests()).singleElement()
        .satisfies(r -> assertThat(r.get("messages").get(1).get("content").asText()).isEqualTo("Rate the answer. Question: q? Answer: a"));
    assertThat(f.strong.authorizations()).containsExactly("Bearer none"); // no key configured: a local server
  }

  @Test
  void aClearScoreIsDecidedByTheCheapJudgeAlone() throws Exception {
    f.cheap.then(completion("{\"score\": 5, \"reason\": \"clearly right\"}", 1000, 100),
        completion("{\"score\": 1, \"reason\": \"clearly wrong\"}", 1000, 100));
    Evaluator helpful = f.metric(f.panel(), CASCADE);

    Outcome high = helpful.evaluate(JudgeFixture.subject("q?", "a"));
    Outcome low = helpful.evaluate(JudgeFixture.subject("q?", "b"));

    assertThat(high.value()).isEqualTo(5.0);
    assertThat(low.value()).isEqualTo(1.0);
    assertThat(high.metadata()).containsEntry("judge", "cheap").containsEntry("judges_asked", "cheap").doesNotContainKey("judge_first_score");
    assertThat(f.strong.requests()).isEmpty();
  }

  @Test
  void badMetricsAreRefusedWithTheirReasons() {
    JudgePanel panel = f.panel();
    assertThatThrownBy(() -> f.metric(panel, """
          - name: m
            type: llm_judge
            judge: nope
            rubric: "{{answer}}"
        """)).isInstanceOf(ScorecardException.class).hasMessageContaining("unknown judge 'nope'; configured judges: [cheap, strong]");
    assertThatThrownBy(() -> f.metric(panel, """
          - name: m
            type: llm_judge
            judge: cheap
            rubric: "Is {{question}} answered by {{reply}}?"
        """)).isInstanceOf(ScorecardException.class)
        .hasMessageContaining("unknown placeholder {{reply}}").hasMessageContaining("'rubric' must contain {{answer}}");
    assertThatThrownBy(() -> f.metric(panel, """
          - name: m
            type: llm_judge
            judge: cheap
            scale: pass_fail
            escalate: {judge: strong, band: [0, 1]}
            rubric: "{{answer}}"
        """)).isInstanceOf(ScorecardException.class).hasMessageContaining("'escalate' needs a numeric scale");
    assertThatThrownBy(() -> f.metric(panel, """
          - name: m
            type: llm_judge
            judge: cheap
            scale: [1, 5]
            escalate: {judge: strong, band: [0, 9]}
            rubric: "{{answer}}"
        """)).isInstanceOf(ScorecardException.class).hasMessageContaining("test.yaml:8:").hasMessageContaining("'band' must be [low, high] within the scale 1-5");
  }
}
