package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** gen_ai.evaluation.result attributes to scores: types, ids and refusals. */
class EvaluationEventsTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @Test
  void valueLabelAndBooleanScores() {
    Score numeric = EvaluationEvents.score(TRACE, SPAN, 10, Map.of("gen_ai.evaluation.name", "Relevance",
        "gen_ai.evaluation.score.value", "0.75", "gen_ai.evaluation.score.label", "relevant"), "log");
    assertThat(numeric.dataType()).isEqualTo(ScoreDataType.NUMERIC);
    assertThat(numeric.value()).isEqualTo(0.75);
    assertThat(numeric.label()).isEqualTo("relevant");
    assertThat(numeric.source()).isEqualTo(ScoreSource.EVAL);
    Score bool = EvaluationEvents.score(TRACE, null, 10, Map.of("gen_ai.evaluation.name", "Grounded",
        "gen_ai.evaluation.score.value", true), "log");
    assertThat(bool.dataType()).isEqualTo(ScoreDataType.BOOLEAN);
    assertThat(bool.value()).isEqualTo(1.0);
    assertThat(bool.spanId()).isNull();
  }

  @Test
  void theIdIsStableForTheSameEventAndDiffersForAnother() {
    Map<String, Object> a = Map.of("gen_ai.evaluation.name", "Relevance", "gen_ai.evaluation.score.value", 4L);
    assertThat(EvaluationEvents.score(TRACE, SPAN, 10, a, "log").id())
        .isEqualTo(EvaluationEvents.score(TRACE, SPAN, 10, a, "log").id())
        .isNotEqualTo(EvaluationEvents.score(TRACE, SPAN, 11, a, "log").id())
        .startsWith("otel-");
  }

  @Test
  void refusesWhatCannotBeAScore() {
    assertThatThrownBy(() -> EvaluationEvents.score(TRACE, SPAN, 1, Map.of("gen_ai.evaluation.score.value", 1L), "log"))
        .hasMessageContaining("gen_ai.evaluation.name is required");
    assertThatThrownBy(() -> EvaluationEvents.score(TRACE, SPAN, 1, Map.of("gen_ai.evaluation.name", "x",
        "error.type", "timeout"), "log")).hasMessageContaining("failed").hasMessageContaining("timeout");
    assertThatThrownBy(() -> EvaluationEvents.score(TRACE, SPAN, 1, Map.of("gen_ai.evaluation.name", "x",
        "gen_ai.evaluation.score.value", "high"), "log")).hasMessageContaining("must be a number");
    assertThatThrownBy(() -> EvaluationEvents.score(TRACE, SPAN, 1, Map.of("gen_ai.evaluation.name", "x"), "log"))
        .hasMessageContaining("score.value or");
  }
}
