package dev.vigil.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.FeedbackKind;
import dev.vigil.storage.FeedbackCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The survivorship-bias warning at and around its documented thresholds. */
class SurvivorshipCheckTest {

  private static FeedbackCounts counts(long traces, long positive, long negative, long abandoned) {
    return new FeedbackCounts(0, traces, abandoned + positive + negative, positive + negative, positive, negative, 0, 0,
        abandoned, 0, Map.of(FeedbackKind.THUMBS_UP, positive, FeedbackKind.THUMBS_DOWN, negative,
        FeedbackKind.ABANDONED, abandoned));
  }

  @Test
  void warnsAtTheThresholds() {
    assertThat(SurvivorshipCheck.warning(counts(20, 4, 1, 4))).contains("80% of explicit feedback is positive")
        .contains("20% of traces were abandoned").contains("25% got explicit feedback");
  }

  @Test
  void quietBelowAnyThresholdOrOnTooLittleData() {
    assertThat(SurvivorshipCheck.warning(counts(20, 4, 1, 3))).isNull(); // 15 % abandoned
    assertThat(SurvivorshipCheck.warning(counts(20, 3, 2, 10))).isNull(); // 60 % positive
    assertThat(SurvivorshipCheck.warning(counts(19, 5, 0, 10))).isNull(); // too few traces
    assertThat(SurvivorshipCheck.warning(counts(100, 4, 0, 50))).isNull(); // too few explicit signals
    assertThat(SurvivorshipCheck.warning(counts(0, 0, 0, 0))).isNull();
  }
}
