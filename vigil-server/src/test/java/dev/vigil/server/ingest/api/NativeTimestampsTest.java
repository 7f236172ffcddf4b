package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import org.junit.jupiter.api.Test;

class NativeTimestampsTest {

  private static Span spanAt(String times) {
    NativeBatch b = decodeItems("""
        {"type":"span","trace_id":"%s","span_id":"%s","name":"n",%s}""".formatted(TRACE, SPAN, times));
    assertThat(b.results().get(0).error()).isNull();
    return b.spans().get(0);
  }

  @Test
  void isoWithZuluOrOffsetAndNanosecondFractions() {
    assertThat(spanAt("\"start_time\":\"2026-11-22T10:00:00.123Z\"").startEpochNanos()).isEqualTo(T0_NANOS);
    assertThat(spanAt("\"start_time\":\"2026-11-22T12:00:00.123+02:00\"").startEpochNanos()).isEqualTo(T0_NANOS);
    assertThat(spanAt("\"start_time\":\"2026-11-22T10:00:00.123456789Z\"").startEpochNanos())
        .isEqualTo(T0_NANOS + 456_789);
  }

  @Test
  void unixNanosAsNumberOrString() {
    long t = T0_NANOS + 7;
    Span n = spanAt("\"start_time_unix_nano\":" + t + ",\"end_time_unix_nano\":\"" + (t + 1000) + "\"");
    assertThat(n.startEpochNanos()).isEqualTo(t);
    assertThat(n.endEpochNanos()).isEqualTo(t + 1000);
  }

  @Test
  void formsMayBeMixedAcrossFields() {
    Span s = spanAt("\"start_time\":\"" + T0 + "\",\"end_time_unix_nano\":" + (T0_NANOS + 5));
    assertThat(s.durationNanos()).isEqualTo(5);
  }

  @Test
  void missingEndMeansZeroDuration() {
    Span s = spanAt("\"start_time\":\"" + T0 + "\"");
    assertThat(s.endEpochNanos()).isEqualTo(s.startEpochNanos());
  }

  @Test
  void endEqualToStartIsFine() {
    assertThat(spanAt("\"start_time\":\"" + T0 + "\",\"end_time\":\"" + T0 + "\"").durationNanos()).isZero();
  }

  @Test
  void scoreFeedbackAndChangeDefaultToTheClock() {
    NativeBatch b = decodeItems(
        "{\"type\":\"score\",\"id\":\"s\",\"trace_id\":\"t\",\"name\":\"n\",\"value\":1}",
        "{\"type\":\"feedback\",\"id\":\"f\",\"trace_id\":\"t\",\"kind\":\"abandoned\"}",
        "{\"type\":\"change\",\"id\":\"c\",\"change_type\":\"other\",\"timestamp_unix_nano\":42}");
    assertThat(b.scores().get(0).epochNanos()).isEqualTo(NOW_NANOS);
    assertThat(b.feedback().get(0).epochNanos()).isEqualTo(NOW_NANOS);
    assertThat(b.changes().get(0).epochNanos()).isEqualTo(42);
  }
}
