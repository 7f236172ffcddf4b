package dev.vigil.server.ingest;

import java.util.List;

/**
 * What happened to one ingest request: items stored, items rejected with the first few reasons, and
 * items ignored on purpose (e.g. non-GenAI log records) — reported, never silently dropped.
 */
public record IngestOutcome(int accepted, int rejected, int ignored, List<String> errors) {
  public IngestOutcome {
    errors = List.copyOf(errors);
  }

  /** One line for OTLP's partial_success.error_message; empty when there is nothing to say. */
  public String message() {
    StringBuilder sb = new StringBuilder();
    if (rejected > 0) {
      sb.append(rejected).append(" rejected: ").append(String.join("; ", errors));
    } else if (!errors.isEmpty()) { // e.g. a malformed evaluation event on a span that was stored
      sb.append(String.join("; ", errors));
    }
    if (ignored > 0) {
      if (!sb.isEmpty()) sb.append(". ");
      sb.append(ignored).append(" log records ignored: not GenAI events with a trace and span id");
    }
    return sb.toString();
  }
}
