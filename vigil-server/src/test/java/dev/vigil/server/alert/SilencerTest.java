package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Silence;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilencerTest {
  private static final long T0 = 1_000_000L;

  @Test
  void everyMatcherMustHoldOnTheRuleNameOrALabel() {
    Silence s = new Silence("s", Map.of("rule", "slow", "feature", "support-chat"), T0, T0 + 100, null, null, T0);
    assertThat(s.matches("slow", Map.of("feature", "support-chat", "model", "gpt-4o"))).isTrue();
    assertThat(s.matches("slow", Map.of("feature", "summarize"))).isFalse();
    assertThat(s.matches("errors", Map.of("feature", "support-chat"))).isFalse();
    assertThat(s.matches("slow", Map.of())).as("a missing label does not match").isFalse();
  }

  @Test
  void aSilenceAppliesFromItsStartUntilJustBeforeItsEnd() {
    Silence s = new Silence("s", Map.of("feature", "x"), T0, T0 + 100, null, null, T0);
    assertThat(s.activeAt(T0 - 1)).isFalse();
    assertThat(s.activeAt(T0)).isTrue();
    assertThat(s.activeAt(T0 + 99)).isTrue();
    assertThat(s.activeAt(T0 + 100)).isFalse();
  }

  @Test
  void aSilenceNeedsAMatcherAndAPositiveLength() {
    assertThatThrownBy(() -> new Silence("s", Map.of(), T0, T0 + 1, null, null, T0)).hasMessageContaining("at least one matcher");
    assertThatThrownBy(() -> new Silence("s", Map.of("a", "b"), T0, T0, null, null, T0)).hasMessageContaining("end after it starts");
  }
}
