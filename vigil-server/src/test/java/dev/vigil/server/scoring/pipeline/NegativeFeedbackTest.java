package dev.vigil.server.scoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which feedback counts as negative: the same line as the feedback rates' explicit negatives, plus corrections. */
class NegativeFeedbackTest {
  static Feedback fb(FeedbackKind kind, Double value) {
    return new Feedback("f", "t", kind, value, null, null, 0);
  }

  @Test
  void thumbsDownCorrectionsAndLowRatingsAreNegative() {
    assertThat(NegativeFeedback.isNegative(fb(FeedbackKind.THUMBS_DOWN, null))).isTrue();
    assertThat(NegativeFeedback.isNegative(fb(FeedbackKind.CORRECTION, null))).isTrue();
    assertThat(NegativeFeedback.isNegative(fb(FeedbackKind.RATING, 3.5))).isTrue();
    assertThat(NegativeFeedback.isNegative(fb(FeedbackKind.RATING, 4.0))).isFalse();
    for (FeedbackKind k : List.of(FeedbackKind.THUMBS_UP, FeedbackKind.COMMENT, FeedbackKind.FOLLOW_UP, FeedbackKind.ABANDONED,
        FeedbackKind.COPIED)) {
      assertThat(NegativeFeedback.isNegative(fb(k, null))).as(k.wireName()).isFalse();
    }
    assertThat(NegativeFeedback.any(List.of(fb(FeedbackKind.THUMBS_UP, null), fb(FeedbackKind.RATING, 1.0)))).isTrue();
    assertThat(NegativeFeedback.any(List.of(fb(FeedbackKind.THUMBS_UP, null)))).isFalse();
  }
}
