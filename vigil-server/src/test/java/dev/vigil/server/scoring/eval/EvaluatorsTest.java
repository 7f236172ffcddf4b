package dev.vigil.server.scoring.eval;

import static dev.vigil.server.scoring.eval.TestSubjects.call;
import static dev.vigil.server.scoring.eval.TestSubjects.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.Span;
import dev.vigil.model.StatusCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule evaluator on subjects that pass, fail, or have nothing to judge. */
class EvaluatorsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Evaluator evaluator(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      Problems problems = new Problems();
      Evaluator e = new Evaluators("US").create(node.get("type").asText(), new Options(node, "/metrics/0", problems));
      assertThat(problems.list()).as("problems").isEmpty();
      return e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Problems.Problem> problems(String yaml) throws Exception {
    JsonNode node = YAML.readTree(yaml);
    Problems problems = new Problems();
    new Evaluators("US").create(node.get("type").asText(), new Options(node, "/metrics/0", problems));
    return problems.list();
  }

  static Outcome run(Evaluator e, Subject s) {
    try {
      return e.evaluate(s);
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  @Test
  void policyDeniesWholeWordsAndPatternsInAnyCase() {
    Evaluator e = evaluator("""
        type: policy
        deny: [diagnose, prescribe]
        deny_patterns: ['\\b\\d+ ?mg\\b']
        """);
    assertThat(run(e, subject("My head hurts", "I cannot Diagnose that; see a doctor.")).passed()).isFalse();
    Outcome dose = run(e, subject("dose?", "Take 400 mg twice a day."));
    assertThat(dose.passed()).isFalse();
    assertThat(dose.explanation()).contains("pattern").contains("400 mg");
    assertThat(run(e, subject("Hi", "A diagnoses-free answer about prescriptions.")).passed()).isTrue(); // whole words only
    assertThat(run(e, subject("diagnose me", "Please talk to a doctor.")).passed()).isTrue(); // input not checked by default
    assertThat(run(e, subject("q", null))).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void policyTermsMatchInAnyUnicodeCaseLikeTheRegexDoes() {
    Evaluator e = evaluator("{type: policy, deny: [école, σοφος, kelvin]}");
    for (String text : List.of("Voir L'ÉCOLE.", "ΣΟΦΟΣ άνθρωπος", "\u212Aelvin scale", "ÉcOlE")) {
      assertThat(run(e, subject("q", text)).passed()).as(text).isFalse();
    }
    for (String text : List.of("ecole sans accent", "écoles au pluriel", "σοφοσx")) {
      assertThat(run(e, subject("q", text)).passed()).as(text).isTrue();
    }
    assertThat(run(e, subject("q", "La grande ÉCOLE")).explanation()).contains("ÉCOLE");
  }

  @Test
  void policyCanCheckTheInputToo() {
    Evaluator e = evaluator("{type: policy, deny: [password], check: both}");
    Outcome o = run(e, subject("What is the admin password?", "I can't share it."));
    assertThat(o.passed()).isFalse();
    assertThat(o.explanation()).startsWith("input matches denied term 'password'");
  }

  @Test
  void jsonSchemaNeedsJsonThatValidates() {
    Evaluator e = evaluator("""
        type: json_schema
        schema:
          type: object
          required: [label, confidence]
          properties:
            label: {enum: [billing, bug, other]}
            confidence: {type: number, minimum: 0, maximum: 1}
        """);
    assertThat(run(e, subject("t", "{\"label\": \"bug\", \"confidence\": 0.9}")).passed()).isTrue();
    Outcome wrong = run(e, subject("t", "{\"label\": \"spam\", \"confidence\": 1.5}"));
    assertThat(wrong.passed()).isFalse();
    assertThat(wrong.explanation()).contains("label").contains("confidence");
    Outcome prose = run(e, subject("t", "The label is bug."));
    assertThat(prose.passed()).isFalse();
    assertThat(prose.explanation()).startsWith("the output is not JSON");
    assertThat(run(e, subject("t", "```json\n{\"label\": \"bug\", \"confidence\": 0.9}\n```")).passed()).isFalse();
    Evaluator fenced = evaluator("{type: json_schema, allow_code_fence: true, schema: {type: object}}");
    assertThat(run(fenced, subject("t", "```json\n{\"label\": \"bug\"}\n```")).passed()).isTrue();
  }

  @Test
  void lengthInCharactersOrTokens() {
    Evaluator chars = evaluator("{type: length, max: 10}");
    assertThat(run(chars, subject("q", "short")).passed()).isTrue();
    Outcome longer = run(chars, subject("q", "a good deal longer"));
    assertThat(longer.passed()).isFalse();
    assertThat(longer.explanation()).isEqualTo("output has 18 characters, above the maximum of 10");
    Evaluator tokens = evaluator("{type: length, unit: tokens, min: 3, max: 6}");
    assertThat(run(tokens, subject("q", "Hello there, friend")).passed()).isTrue(); // 4 tokens
    assertThat(run(tokens, subject("q", "Hi")).explanation()).contains("below the minimum of 3");
  }

  @Test
  void refusalTellsRefusedHedgedAndAnswered() {
    Evaluator e = evaluator("{type: refusal}");
    assertThat(run(e, subject("q", "I’m sorry, but I can’t help with that.")).label()).isEqualTo("refused");
    assertThat(run(e, subject("q", "Honestly, I don't know which plan includes SSO.")).label()).isEqualTo("hedged");
    assertThat(run(e, subject("q", "Open Settings, then Security.")).label()).isEqualTo("answered");
    Span withReason = call("q", "").build().withLlm(new dev.vigil.model.LlmCall("chat", "openai", "m", "m", null, null,
        List.of("content_filter"), null, false, null, null));
    Outcome o = run(e, Subject.ofCall(withReason));
    assertThat(o.dataType()).isEqualTo(ScoreDataType.CATEGORICAL);
    assertThat(o.label()).isEqualTo("refused");
    assertThat(run(evaluator("{type: refusal, detect_hedges: false}"), subject("q", "I don't know.")).label()).isEqualTo("answered");
  }

  @Test
  void piiLeakCountsMaskedPlaceholdersAndUnmaskedValues() {
    Evaluator e = evaluator("{type: pii_leak}");
    Outcome masked = run(e, subject("q", "Write to [EMAIL] or call [PHONE:1a2b3c4d5e6f]."));
    assertThat(masked.passed()).isFalse();
    assertThat(masked.explanation()).isEqualTo("contains 1 email, 1 phone masked at ingest");
    Outcome raw = run(e, subject("q", "Reach me at jane.doe@example.com."));
    assertThat(raw.passed()).isFalse();
    assertThat(raw.explanation()).isEqualTo("contains 1 email");
    assertThat(run(e, subject("My email is [EMAIL]", "Thanks, noted.")).passed()).isTrue(); // input is not the output
    assertThat(run(evaluator("{type: pii_leak, kinds: [card]}"), subject("q", "Mail [EMAIL]")).passed()).isTrue();
  }

  @Test
  void latencyAndBudgetThresholds() {
    Subject twoSeconds = subject("q", "a"); // 2 s, $0.0003, 160 tokens
    assertThat(run(evaluator("{type: latency, max_ms: 2500}"), twoSeconds).passed()).isTrue();
    Outcome slow = run(evaluator("{type: latency, max_ms: 1500}"), twoSeconds);
    assertThat(slow.passed()).isFalse();
    assertThat(slow.explanation()).isEqualTo("2000 ms over the limit of 1500 ms");
    assertThat(run(evaluator("{type: budget, max_cost: 0.001}"), twoSeconds).passed()).isTrue();
    assertThat(run(evaluator("{type: budget, max_cost: 0.0001}"), twoSeconds).explanation()).contains("over the budget of $0.0001");
    assertThat(run(evaluator("{type: budget, max_tokens: 100}"), twoSeconds).explanation()).isEqualTo("160 tokens over the budget of 100");
    Span unpriced = call("q", "a").build();
    unpriced = unpriced.withLlm(unpriced.llm().withCost(dev.vigil.model.Cost.UNPRICED));
    assertThat(run(evaluator("{type: budget, max_cost: 0.1}"), Subject.ofCall(unpriced))).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void contentChecksSkipFailedCallsWithoutOutput() {
    Subject failed = Subject.ofCall(call("q", null).status(StatusCode.ERROR).build());
    assertThat(run(evaluator("{type: json_schema, schema: {type: object}}"), failed)).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(run(evaluator("{type: length, min: 1}"), failed)).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(run(evaluator("{type: latency, max_ms: 10000}"), failed).passed()).isTrue();
  }

  @Test
  void badOptionsAreReportedAtTheirKey() throws Exception {
    assertThat(problems("{type: policy, deny: [x], deny_patterns: ['(unclosed']}")).singleElement()
        .satisfies(p -> {
          assertThat(p.pointer()).isEqualTo("/metrics/0/deny_patterns/0");
          assertThat(p.message()).contains("not a valid regular expression");
        });
    assertThat(problems("{type: length, mx: 3}")).extracting(Problems.Problem::pointer).contains("/metrics/0/mx", "/metrics/0");
    assertThat(problems("{type: llm_judge}")).singleElement().satisfies(p -> assertThat(p.message()).contains("not available in this setup"));
    assertThat(problems("{type: latency, max_ms: -1}")).singleElement().satisfies(p -> assertThat(p.message()).contains("between 0 and"));
  }
}
