package dev.vigil.server.alert.digest;

import java.time.DayOfWeek;
import java.util.List;

/** When and where the weekly digest goes; no channels: no digest. */
public record DigestSchedule(List<String> channels, DayOfWeek day, int hour) {
  public static final DigestSchedule NONE = new DigestSchedule(List.of(), DayOfWeek.MONDAY, 8);

  public DigestSchedule {
    channels = List.copyOf(channels);
    if (hour < 0 || hour > 23) throw new IllegalArgumentException("digest hour must be 0-23, got " + hour);
  }
}
