package dev.vigil.server.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Times come as {@code <name>} (ISO-8601 with an offset) or {@code <name>_unix_nano} (integer
 * nanoseconds since the epoch, as a JSON number or a decimal string because JavaScript numbers
 * cannot hold them exactly), never both. Both become epoch nanoseconds.
 */
final class Timestamps {
  static final String NANO_SUFFIX = "_unix_nano";

  private Timestamps() {}

  /** Epoch nanos, or null when neither form is given. */
  static Long read(Fields f, String name) {
    JsonNode iso = f.get(name);
    JsonNode nanos = f.get(name + NANO_SUFFIX);
    if (iso != null && nanos != null) {
      throw f.error(name + NANO_SUFFIX, "give " + name + " or " + name + NANO_SUFFIX + ", not both");
    }
    if (iso != null) return positive(f, name, iso, parseIso(f, name, iso));
    if (nanos != null) return positive(f, name + NANO_SUFFIX, nanos, parseNanos(f, name + NANO_SUFFIX, nanos));
    return null;
  }

  static long required(Fields f, String name) {
    Long v = read(f, name);
    if (v == null) throw f.error(name, "required (or " + name + NANO_SUFFIX + ")");
    return v;
  }

  /** The field the client used for {@code name}, for messages about its value. */
  static String sentAs(Fields f, String name) {
    return f.has(name) ? name : name + NANO_SUFFIX;
  }

  static long epochNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private static long parseIso(Fields f, String name, JsonNode v) {
    String s = v.isTextual() ? v.textValue() : null;
    if (s != null && s.length() <= 64) {
      try {
        return epochNanos(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
      } catch (DateTimeException | ArithmeticException e) {
        // reported below
      }
    }
    throw f.expected(name, "an ISO-8601 timestamp with offset such as 2026-11-22T10:00:00.123Z", v);
  }

  private static long parseNanos(Fields f, String name, JsonNode v) {
    if (v.isTextual()) {
      String s = v.textValue();
      if (!s.isEmpty() && s.length() <= 19 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException e) {
          // beyond 2262: reported below
        }
      }
    } else {
      Long n = Json.exactLong(v);
      if (n != null) return n;
    }
    throw f.expected(name, "integer nanoseconds since the Unix epoch", v);
  }

  private static long positive(Fields f, String name, JsonNode v, long nanos) {
    if (nanos <= 0) throw f.error(name, "must be after 1970-01-01T00:00:00Z, got " + Json.describe(v));
    return nanos;
  }
}
