package dev.vigil.model;

import java.util.Map;

/** A span event kept as sent (exceptions, custom events); content events become messages instead. */
public record SpanEvent(String name, long epochNanos, Map<String, Object> attributes) {
  public SpanEvent {
    attributes = attributes == null ? Map.of() : Attributes.copyOf(attributes);
  }
}
