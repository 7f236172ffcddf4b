package dev.vigil.server.ingest.otlp;

import dev.vigil.model.SpanAttachment;
import java.util.List;

/**
 * GenAI content events of one OTLP logs request as span attachments. {@code rejected} records were
 * GenAI events without a usable trace and span id; {@code ignored} ones were not GenAI events.
 */
public record NormalizedLogs(List<SpanAttachment> attachments, int rejected, int ignored, List<String> errors) {
  public NormalizedLogs {
    attachments = List.copyOf(attachments);
    errors = List.copyOf(errors);
  }
}
