package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's times as the ranges its duplicate check looks in. */
class TimeRangesTest {
  static final long MINUTE = 60_000_000_000L;
  static final long DAY = 24 * 60 * MINUTE;

  @Test
  void liveTrafficIsOneRangeAndABackfillMixedInIsASecondOne() {
    long now = 30 * DAY;
    long[] times = {now + 3 * MINUTE, now, now - 2 * DAY, now + MINUTE, now - 2 * DAY + 9 * MINUTE};
    assertThat(TimeRanges.of(times)).containsExactly(new long[] {now - 2 * DAY, now - 2 * DAY + 9 * MINUTE},
        new long[] {now, now + 3 * MINUTE});
    assertThat(TimeRanges.sql("t", TimeRanges.of(times))).isEqualTo("(t BETWEEN ? AND ? OR t BETWEEN ? AND ?)");
  }

  @Test
  void tooManyRangesBecomeOneAndNoTimesNone() {
    long[] scattered = new long[TimeRanges.MAX + 1];
    for (int i = 0; i < scattered.length; i++) scattered[i] = i * DAY;
    assertThat(TimeRanges.of(scattered)).containsExactly(new long[] {0, TimeRanges.MAX * DAY});
    assertThat(TimeRanges.of(new long[TimeRanges.MAX]).size()).isOne(); // equal times
    assertThat(TimeRanges.of(new long[0])).isEqualTo(List.of());
  }
}
