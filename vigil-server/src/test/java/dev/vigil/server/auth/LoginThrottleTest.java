package dev.vigil.server.auth;

import dev.vigil.server.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fiveFailuresWithinTheWindowBlockUntilTheOldestLeavesIt() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.begin("admin")).isEmpty();
      clock.advance(Duration.ofMinutes(1));
    }
    // the first failure was 5 minutes ago: 10 more minutes to wait
    assertThat(throttle.begin("admin")).contains(Duration.ofMinutes(10));
    assertThat(throttle.begin("someone-else")).as("per username").isEmpty();
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(throttle.begin("admin")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.begin("admin")).isEmpty();
    assertThat(throttle.begin("admin")).as("the second failure is still in the window").isPresent();
  }

  @Test
  void failuresSpreadOverMoreThanTheWindowNeverBlock() {
    for (int i = 0; i < 20; i++) {
      assertThat(throttle.begin("admin")).isEmpty();
      clock.advance(Duration.ofMinutes(4));
    }
  }

  @Test
  void aSuccessForgetsTheFailures() {
    for (int i = 0; i < 4; i++) throttle.begin("admin");
    throttle.begin("admin");
    throttle.succeeded("admin");
    assertThat(throttle.begin("admin")).isEmpty();
  }
}
