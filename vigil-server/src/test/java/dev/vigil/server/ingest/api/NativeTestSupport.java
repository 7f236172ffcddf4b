package dev.vigil.server.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixtures: a fixed clock and one-item helpers. */
final class NativeTestSupport {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L;
  static final String T0 = "2026-11-22T10:00:00.123Z";
  static final long T0_NANOS = Instant.parse(T0).getEpochSecond() * 1_000_000_000L + 123_000_000L;
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";

  private static final NativeIngestDecoder DECODER = new NativeIngestDecoder(Clock.fixed(NOW, ZoneOffset.UTC));

  private NativeTestSupport() {}

  static NativeBatch decode(String json) {
    return DECODER.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  static NativeBatch decodeItems(String... items) {
    return decode("{\"items\":[" + String.join(",", items) + "]}");
  }

  /** The single item's error, asserting it was rejected. */
  static String errorOf(String item) {
    ItemResult r = decodeItems(item).results().get(0);
    assertThat(r.status()).as("status of %s", item).isEqualTo(400);
    return r.error();
  }

  /** A valid minimal span item with extra fields spliced in (", \"k\": v" style, may be empty). */
  static String span(String extra) {
    return "{\"type\":\"span\",\"trace_id\":\"" + TRACE + "\",\"span_id\":\"" + SPAN
        + "\",\"name\":\"step\",\"start_time\":\"" + T0 + "\"" + extra + "}";
  }
}
