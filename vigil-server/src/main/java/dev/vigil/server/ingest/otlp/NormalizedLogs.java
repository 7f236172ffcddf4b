package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Score;
import dev.vigil.model.SpanAttachment;
import java.util.List;

/**
 * GenAI content events of one OTLP logs request as span attachments, and its evaluation results as
 * scores. {@code rejected} records were GenAI events without a usable trace and span id (or malformed
 * evaluation results); {@code ignored} ones were not GenAI events.
 */
public record NormalizedLogs(List<SpanAttachment> attachments, List<Score> scores, int rejected, int ignored,
    List<String> errors) {
  public NormalizedLogs {
    attachments = List.copyOf(attachments);
    scores = List.copyOf(scores);
    errors = List.copyOf(errors);
  }
}
