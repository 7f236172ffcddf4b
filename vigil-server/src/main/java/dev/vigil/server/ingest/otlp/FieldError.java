package dev.vigil.server.ingest.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.util.ArrayDeque;

/**
 * A wrong value in OTLP/JSON. The path is added while the error travels up the recursion, so the
 * happy path pays nothing for it. No stack trace: it never leaves the reader.
 */
final class FieldError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ArrayDeque<String> path = new ArrayDeque<>();
  private final transient JsonLocation location;

  private FieldError(String message, JsonLocation location) {
    super(message, null, false, false);
    this.location = location;
  }

  static FieldError at(JsonParser p, String message) {
    return new FieldError(message, p.currentTokenLocation());
  }

  /** A field name, or an index written as "[3]". */
  void prepend(String segment) {
    path.addFirst(segment);
  }

  String describe() {
    StringBuilder sb = new StringBuilder();
    for (String segment : path) {
      if (!sb.isEmpty() && segment.charAt(0) != '[') sb.append('.');
      sb.append(segment);
    }
    sb.append(": ").append(getMessage());
    if (location != null) sb.append(" (").append(OtlpJsonReader.where(location)).append(')');
    return sb.toString();
  }
}
