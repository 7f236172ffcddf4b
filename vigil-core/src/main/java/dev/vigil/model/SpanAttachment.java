package dev.vigil.model;

import java.util.List;
import java.util.Map;

/**
 * Content that arrived apart from its span: an OTLP log event (gen_ai.user.message, gen_ai.choice,
 * gen_ai.client.inference.operation.details, …) that older instrumentations send to /v1/logs. It is
 * stored as it comes and joined to its span when read, whichever of the two arrived first.
 */
public record SpanAttachment(
    String traceId,
    String spanId,
    long epochNanos,
    String eventName,
    List<Message> input,
    List<Message> output,
    Map<String, Object> attributes,
    Map<String, Integer> piiCounts) {

  public SpanAttachment {
    input = input == null ? List.of() : List.copyOf(input);
    output = output == null ? List.of() : List.copyOf(output);
    attributes = attributes == null ? Map.of() : Attributes.copyOf(attributes);
    piiCounts = piiCounts == null ? Map.of() : Map.copyOf(piiCounts);
  }
}
