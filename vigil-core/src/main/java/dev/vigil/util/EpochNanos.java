package dev.vigil.util;

import java.time.Instant;

/** Vigil keeps time as nanoseconds since the epoch (OTLP's unit); this converts an {@link Instant}. */
public final class EpochNanos {
  private EpochNanos() {}

  public static long of(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
