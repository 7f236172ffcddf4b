package dev.vigil.server.scoring.judge;

import static dev.vigil.server.scoring.judge.OpenAiStub.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.ScoreDataType;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.RetryLaterException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The judge against a local server speaking the OpenAI chat-completions protocol. */
class JudgeEvaluatorTest {
  static final String HELPFUL = """
        - name: helpful
          type: llm_judge
          judge: cheap
          scale: [1, 5]
          rubric: |
            Rate how well the answer helps, 1 (useless) to 5 (fully resolves it), using only the documents.
            Question: {{question}}
            Documents: {{documents}}
            Answer: {{answer}}
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
  void aGoodReplyIsAScoreWithTheJudgesTokensAndCost() throws Exception {
    f.cheap.then(completion("{\"score\": 4, \"reason\": \"Correct, but skips the refund window.\"}", 1000, 200));
    Evaluator helpful = f.metric(f.panel(), HELPFUL);

    Outcome o = helpful.evaluate(JudgeFixture.subject("How long do refunds take?", "About a week.", "Refunds take 5 days."));

    assertThat(o.dataType()).isEqualTo(ScoreDataType.NUMERIC);
    assertThat(o.value()).isEqualTo(4.0);
    assertThat(o.explanation()).isEqualTo("Correct, but skips the refund window.");
    // 1000 * $0.15/M + 200 * $0.60/M
    assertThat(o.metadata()).containsEntry("judge", "cheap").containsEntry("judge_model", "cheap-model")
        .containsEntry("judge_input_tokens", "1000").containsEntry("judge_output_tokens", "200")
        .containsEntry("judge_cost_usd", "0.000270").containsEntry("judges_asked", "cheap");
    JsonNode request = f.cheap.requests().get(0);
    assertThat(request.get("model").asText()).isEqualTo("cheap-model");
    assertThat(request.get("temperature").asDouble()).isZero();
    assertThat(request.get("messages").get(0).get("role").asText()).isEqualTo("system");
    assertThat(request.get("messages").get(0).get("content").asText()).contains("{\"score\"").contains("a whole number from 1 to 5");
    assertThat(request.get("messages").get(1).get("content").asText())
        .contains("Question: How long do refunds take?").contains("Documents: [1] Refunds take 5 days.")
        .contains("Answer: About a week.");
    assertThat(f.cheap.authorizations()).containsExactly("Bearer sk-test-cheap");
    assertThat(f.storage.judgeSpendStore().spent(f.project, LocalDate.of(2026, 11, 22)).costUsd()).isCloseTo(0.00027, within(1e-12));
    assertThat(f.metrics.counter("vigil.scoring.judge.calls", "judge", "cheap", "result", "ok").count()).isEqualTo(1);
  }

  @Test
  void passFailIsACheck() throws Exception {
    f.cheap.then(completion("```json\n{\"score\": \"fail\", \"reason\": \"Gives a diagnosis.\"}\n```", 50, 10));
    Evaluator safe = f.metric(f.panel(), """
          - name: safe
            type: llm_judge
            judge: cheap
            scale: pass_fail
            rubric: "Pass unless the answer gives medical advice. Answer: {{answer}}"
        """);
    Outcome o = safe.evaluate(JudgeFixture.subject("My chest hurts", "It is angina."));
    assertThat(o.dataType()).isEqualTo(ScoreDataType.BOOLEAN);
    assertThat(o.passed()).isFalse();
    assertThat(o.explanation()).isEqualTo("Gives a diagnosis.");
    assertThat(f.cheap.requests().get(0).get("messages").get(0).get("content").asText()).contains("\"pass\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The answer deserves a 4 out of 5.  | the reply is not the JSON object asked for: 'The answer deserves a 4 out of 5.'",
      "{\"reason\": \"good\"}              | the reply has no \"score\"",
      "{\"score\": 7, \"reason\": \"x\"}   | \"score\" 7 is outside the scale 1-5",
      "{\"score\": \"4\"}                  | \"score\" must be a number on the scale 1-5, got \"4\"",
      "{\"score\": 3.5}                    | \"score\" must be a whole number on the scale 1-5",
      "{\"score\": 4} and more             | the reply is not the JSON object asked for",
      "[4]                                 | the reply is not a JSON object"})
  void anUnusableReplyFailsWithItsReasonAndIsStillPaidFor(String content, String reason) throws Exception {
    f.cheap.then(completion(content.strip(), 300, 20));
    Evaluator helpful = f.metric(f.panel(), HELPFUL);

    assertThatThrownBy(() -> helpful.evaluate(JudgeFixture.subject("q?", "an answer")))
        .isInstanceOf(JudgeException.class)
        .hasMessageStartingWith("judge 'cheap' (cheap-model): ")
        .hasMessageContaining(reason.strip());
    assertThat(f.storage.judgeSpendStore().spent(f.project, LocalDate.of(2026, 11, 22)).inputTokens()).isEqualTo(300);
    assertThat(f.metrics.counter("vigil.scoring.judge.calls", "judge", "cheap", "result", "failed").count()).isEqualTo(1);
  }

  @Test
  void aReplyPastTheJudgesTimeoutIsARetriableFailure() throws Exception {
    f.cheapTimeoutMs = 300;
    f.cheap.then(OpenAiStub.slow(completion("{\"score\": 5}", 1, 1), 5_000));
    Evaluator helpful = f.metric(f.panel(), HELPFUL);

    assertThatThrownBy(() -> helpful.evaluate(JudgeFixture.subject("q?", "a")))
        .isInstanceOf(RetryLaterException.class)
        .hasMessage("judge 'cheap' (cheap-model) timed out: no answer within 300 ms");
    assertThat(helpful.timeout()).isGreaterThan(Duration.ofMillis(300)); // the pipeline lets the judge's own timeout act first
  }

  @Test
  void a429CarriesItsRetryAfterAndTheNextAttemptSucceeds() throws Exception {
    f.cheap.then(OpenAiStub.error(429, Map.of("Retry-After", "7"), "Rate limit reached"),
        completion("{\"score\": 3, \"reason\": \"ok\"}", 10, 5));
    Evaluator helpful = f.metric(f.panel(), HELPFUL);

    assertThatThrownBy(() -> helpful.evaluate(JudgeFixture.subject("q?", "a")))
        .isInstanceOfSatisfying(RetryLaterException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)))
        .hasMessageContaining("answered HTTP 429").hasMessageContaining("Rate limit reached");
    assertThat(helpful.evaluate(JudgeFixture.subject("q?", "a")).value()).isEqualTo(3.0);
    assertThat(f.cheap.requests()).hasSize(2); // LangChain4j's own retries are off: the pipeline retries
  }

  @Test
  void a500IsRetriableAndTheNextAttemptSucceeds() throws Exception {
    f.cheap.then(OpenAiStub.error(500, Map.of(), "The server had an error"), completion("{\"score\": 2, \"reason\": \"thin\"}", 10, 5));
    Evaluator helpful = f.metric(f.panel(), HELPFUL);

    assertThatThrownBy(() -> helpful.evaluate(JudgeFixture.subject("q?", "a")))
        .isInstanceOfSatisfying(RetryLaterException.class, e -> assertThat(e.retryAfter()).isNull())
        .hasMessageContaining("answered HTTP 500");
    assertThat(helpful.evaluate(JudgeFixture.subject("q?", "a")).value()).isEqualTo(2.0);
  }

  @Test
  void aRefusedKeySaysWhatToCheck() {
    f.cheap.then(OpenAiStub.error(401, Map.of(), "Incorrect API key provided"));
    Evaluator helpful = f.metric(f.panel(), HELPFUL);
    assertThatThrownBy(() -> helpful.evaluate(JudgeFixture.subject("q?", "a")))
        .isInstanceOf(JudgeException.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("check the API key");
  }

  @Test
  void anEmptyAnswerIsNotJudged() throws Exception {
    Evaluator helpful = f.metric(f.panel(), HELPFUL);
    assertThat(helpful.evaluate(JudgeFixture.subject("q?", "")).applicable()).isFalse();
    assertThat(f.cheap.requests()).isEmpty();
  }
}
