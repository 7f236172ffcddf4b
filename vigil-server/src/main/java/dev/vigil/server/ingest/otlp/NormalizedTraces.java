package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Span;
import java.util.List;

/**
 * The spans of one OTLP request, normalized, and what was rejected: {@code rejectedSpans} and the
 * first few {@code errors} are what OTLP's partial_success reports back.
 */
public record NormalizedTraces(List<Span> spans, int rejectedSpans, List<String> errors) {
  public NormalizedTraces {
    spans = List.copyOf(spans);
    errors = List.copyOf(errors);
  }
}
