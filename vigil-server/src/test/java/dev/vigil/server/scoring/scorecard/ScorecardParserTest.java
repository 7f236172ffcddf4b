package dev.vigil.server.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.storage.Dimension;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Valid scorecards read whole; every mistake is named with its file, line and column. */
class ScorecardParserTest {
  static final ScorecardParser PARSER = new ScorecardParser(new Evaluators("US"));

  static final String GOOD = """
      name: support-quality
      feature: [support-chat, search-answer]
      sampling:
        rate: 0.1
        stratify_by: model
        min_per_stratum: 20
        window: 30m
        targeted:
          - when: {output_tokens_over: 400}
            rate: 1.0
      metrics:
        - name: no_medical_advice
          type: policy
          deny: [diagnose]
        - name: answered
          type: refusal
      """;

  @Test
  void readsAValidScorecard() {
    Scorecard c = PARSER.parse(GOOD, "scorecards/support.yaml", "scorecards/support.yaml");
    assertThat(c.name()).isEqualTo("support-quality");
    assertThat(c.features()).containsExactly("support-chat", "search-answer");
    assertThat(c.target()).isEqualTo(Scorecard.Target.LLM_CALL);
    assertThat(c.sampling().rate()).isEqualTo(0.1);
    assertThat(c.sampling().stratifyBy()).isEqualTo(Dimension.MODEL);
    assertThat(c.sampling().window()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.sampling().targeted()).singleElement().satisfies(t -> assertThat(t.when().outputTokensOver()).isEqualTo(400));
    assertThat(c.sampling().errorsAlways()).isTrue();
    assertThat(c.metrics()).extracting(Scorecard.Metric::name).containsExactly("no_medical_advice", "answered");
    assertThat(c.version()).hasSize(12);
    assertThat(c.appliesTo("search-answer")).isTrue();
    assertThat(c.appliesTo("classify")).isFalse();
  }

  @Test
  void versionIsTheContentHashUnlessGiven() {
    String version = PARSER.parse(GOOD, "a", "api").version();
    assertThat(PARSER.parse("# a comment\n" + GOOD.replace("  rate: 0.1", "  rate:   0.1"), "a", "api").version()).isEqualTo(version);
    assertThat(PARSER.parse(GOOD.replace("diagnose", "prescribe"), "a", "api").version()).isNotEqualTo(version);
    assertThat(PARSER.parse("version: 7\n" + GOOD, "a", "api").version()).isEqualTo("7");
  }

  @Test
  void aBadValueNamesFileLineAndColumn() {
    String bad = GOOD.replace("rate: 0.1", "rate: 1.5");
    assertThatThrownBy(() -> PARSER.parse(bad, "scorecards/support.yaml", "x"))
        .isInstanceOf(ScorecardException.class)
        .hasMessage("scorecards/support.yaml:4:3: 'rate' must be between 0 and 1, got 1.5");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String bad = """
        name: support quality
        feature: support-chat
        metrics:
          - name: tone
            type: policy
            deny: [x]
            check: everything
          - name: tone
            type: sentiment
        """;
    ScorecardException e = org.junit.jupiter.api.Assertions.assertThrows(ScorecardException.class,
        () -> PARSER.parse(bad, "f.yaml", "x"));
    assertThat(e.problems()).containsExactly(
        "f.yaml:1:1: 'name' must be 1-100 letters, digits, '_', '.' or '-', starting with a letter or digit; got 'support quality'",
        "f.yaml:7:5: 'check' must be one of [both, input, output], got 'everything'",
        "f.yaml:8:5: metric 'tone' is defined twice",
        "f.yaml:9:5: unknown metric type 'sentiment'; expected one of [budget, custom, grounding, json_schema, latency, length, llm_judge, pii_leak, policy, prompt_injection, refusal, relevance, toxicity]");
  }

  @Test
  void typosMissingKeysAndSyntaxErrors() {
    assertThatThrownBy(() -> PARSER.parse("name: a\nfeature: b\nmetrcs: []\n", "f.yaml", "x"))
        .hasMessageContaining("f.yaml:3:1: unknown key 'metrcs' in a scorecard; expected one of")
        .hasMessageContaining("f.yaml:1:1: 'metrics' is required");
    assertThatThrownBy(() -> PARSER.parse("name: a\nfeature: [b\nmetrics: []\n", "f.yaml", "x"))
        .hasMessageStartingWith("f.yaml:3:").hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PARSER.parse("name: a\nname: b\n", "f.yaml", "x"))
        .hasMessageStartingWith("f.yaml:2:").hasMessageContaining("Duplicate field 'name'");
    assertThatThrownBy(() -> PARSER.parse("- just\n- a list\n", "f.yaml", "x"))
        .hasMessage("f.yaml:1:1: a scorecard must be a mapping with 'name', 'feature' and 'metrics'");
  }

  @Test
  void samplingMistakes() {
    String bad = GOOD.replace("stratify_by: model", "stratify_by: colour").replace("window: 30m", "window: soon")
        .replace("output_tokens_over: 400", "output_tokens_over: 400, input_matches: '(?i)refund('");
    assertThatThrownBy(() -> PARSER.parse(bad, "f.yaml", "x"))
        .hasMessageContaining("f.yaml:5:3: 'stratify_by' must be one of [feature, service, model")
        .hasMessageContaining("f.yaml:7:3: 'window' must be a duration like 30m, 1h or 1d, got 'soon'")
        .hasMessageContaining("f.yaml:9:") .hasMessageContaining("is not a valid regular expression");
  }

  @Test
  void negativeFeedbackRules() {
    Scorecard c = PARSER.parse(GOOD.replace("output_tokens_over: 400", "negative_feedback: true, output_chars_over: 10"), "f.yaml", "x");
    var when = c.sampling().targeted().get(0).when();
    assertThat(when.negativeFeedback()).isTrue();
    assertThat(when.outputCharsOver()).isEqualTo(10);
    assertThat(when.describe()).isEqualTo("output_chars_over+negative_feedback");
    assertThat(PARSER.parse(GOOD, "f.yaml", "x").sampling().targeted().get(0).when().negativeFeedback()).isFalse();
    assertThatThrownBy(() -> PARSER.parse(GOOD.replace("output_tokens_over: 400", "negative_feedback: false"), "f.yaml", "x"))
        .hasMessageContaining("f.yaml:9:").hasMessageContaining("'negative_feedback' can only be true");
    assertThatThrownBy(() -> PARSER.parse(GOOD.replace("output_tokens_over: 400", "negative_feedback: often"), "f.yaml", "x"))
        .hasMessageContaining("f.yaml:9:").hasMessageContaining("'negative_feedback' must be true or false");
    assertThatThrownBy(() -> PARSER.parse(GOOD.replace("output_tokens_over: 400", "negative_feedbak: true"), "f.yaml", "x"))
        .hasMessageContaining("unknown key 'negative_feedbak'").hasMessageContaining("negative_feedback");
  }
}
