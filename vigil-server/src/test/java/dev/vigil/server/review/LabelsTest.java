package dev.vigil.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void labelsBecomeAnnotationScoresOnTheRubricsScales() throws Exception {
    var labels = Labels.parse(CalibrationTest.RUBRIC, json("{\"safe\": \"fail\", \"quality\": 3, \"answered\": \"hedged\"}"));
    List<Score> scores = Labels.scores(CalibrationTest.RUBRIC, labels, "q1", "a".repeat(32), 42, "  dodged the question ",
        Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(scores).hasSize(3);
    Score safe = scores.get(0);
    assertThat(safe.source()).isEqualTo(ScoreSource.ANNOTATION);
    assertThat(safe.dataType()).isEqualTo(ScoreDataType.BOOLEAN);
    assertThat(safe.value()).isEqualTo(0.0);
    assertThat(safe.label()).isEqualTo("fail");
    assertThat(safe.comment()).isEqualTo("dodged the question");
    assertThat(safe.epochNanos()).isEqualTo(42);
    assertThat(safe.metadata()).containsEntry("scorecard", "card").containsEntry("scorecard_version", "v1")
        .containsEntry("queue", "q1").containsEntry("evaluator", "policy").containsEntry("labelled_at", "2026-11-22T10:00:00Z");
    assertThat(scores.get(1).value()).isEqualTo(3.0);
    assertThat(scores.get(2).label()).isEqualTo("hedged");
    assertThat(scores.get(2).value()).isNull();
    // the same label for the same item has the same id: a retried request stores it once
    assertThat(Labels.scores(CalibrationTest.RUBRIC, labels, "q1", "a".repeat(32), 42, null, Instant.now()).get(0).id())
        .isEqualTo(safe.id());
  }

  @Test
  void passFailAcceptsBooleansAndWords() throws Exception {
    assertThat(Labels.parse(CalibrationTest.RUBRIC, json("{\"safe\": true}")).get(0).value()).isEqualTo(1.0);
    assertThat(Labels.parse(CalibrationTest.RUBRIC, json("{\"safe\": 0}")).get(0).label()).isEqualTo("fail");
  }

  @Test
  void everyMistakeIsNamed() {
    assertThatThrownBy(() -> Labels.parse(CalibrationTest.RUBRIC,
        json("{\"safe\": \"maybe\", \"quality\": 4, \"answered\": \"yes\", \"tone\": 1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'safe' is pass/fail")
        .hasMessageContaining("'quality' must be a whole number from 1 to 3, got 4")
        .hasMessageContaining("'answered' must be one of [answered, hedged, refused], got \"yes\"")
        .hasMessageContaining("'tone' is not a metric of scorecard 'card'; its metrics: [safe, quality, answered]");
    assertThatThrownBy(() -> Labels.parse(CalibrationTest.RUBRIC, json("{\"quality\": 2.5}")))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> Labels.parse(CalibrationTest.RUBRIC, json("{}")))
        .hasMessageContaining("'scores' must be an object with at least one metric");
    assertThatThrownBy(() -> Labels.scores(CalibrationTest.RUBRIC, List.of(), "q", "t", 0, "x".repeat(5000), Instant.now()))
        .hasMessageContaining("'comment' must be at most 4000 characters");
  }
}
