package dev.vigil.server.ingest.otlp;

import dev.vigil.util.EpochNanos;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Time to first token in nanoseconds: OTel's gen_ai.response.time_to_first_chunk (seconds), or
 * Langfuse's completion_start_time (a timestamp) relative to the span's start.
 */
final class TimeToFirstToken {
  private TimeToFirstToken() {}

  static Long nanos(SpanAttributes a, long startEpochNanos) {
    Double seconds = a.doubleValue("gen_ai.response.time_to_first_chunk");
    if (seconds != null && seconds >= 0 && Double.isFinite(seconds)) return Math.round(seconds * 1e9);
    Long firstChunk = epochNanos(a.get("langfuse.observation.completion_start_time"));
    if (firstChunk != null && firstChunk >= startEpochNanos) return firstChunk - startEpochNanos;
    return null;
  }

  /** ISO-8601 text (the Langfuse SDKs JSON-quote it) or epoch nanoseconds. */
  private static Long epochNanos(Object v) {
    if (v instanceof Number n) return n.longValue();
    String s = AnyValues.text(v);
    if (s == null) return null;
    s = s.trim();
    if (s.length() > 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') s = s.substring(1, s.length() - 1);
    try {
      Instant t;
      try {
        t = Instant.parse(s);
      } catch (DateTimeParseException notUtc) {
        t = OffsetDateTime.parse(s).toInstant();
      }
      return EpochNanos.of(t);
    } catch (DateTimeParseException | ArithmeticException e) {
      Long raw = AnyValues.toLong(s);
      return raw;
    }
  }
}
