package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Message;
import dev.vigil.model.SpanEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A span's events, split: content events become messages, the rest (exceptions, custom events) are
 * kept as sent. The first exception event also explains a failure when attributes do not.
 */
record SpanEvents(
    List<SpanEvent> kept,
    List<Message> input,
    List<Message> output,
    String exceptionType,
    String exceptionMessage) {

  static final SpanEvents NONE = new SpanEvents(List.of(), List.of(), List.of(), null, null);

  static SpanEvents of(OtlpTraces.Span span) {
    List<OtlpTraces.Event> events = span.events();
    int n = events.size();
    if (n == 0) return NONE;
    List<SpanEvent> kept = new ArrayList<>(n);
    List<Message> input = new ArrayList<>();
    List<Message> output = new ArrayList<>();
    String exceptionType = null;
    String exceptionMessage = null;
    for (int i = 0; i < n; i++) {
      OtlpTraces.Event e = events.get(i);
      Map<String, Object> attributes = e.attributes().toMap();
      String name = e.name();
      if (GenAiEvents.isContent(name)) {
        GenAiEvents.collect(name, null, attributes, input, output);
        continue;
      }
      if (exceptionType == null && "exception".equals(name)) {
        exceptionType = AnyValues.text(attributes.get("exception.type"));
        exceptionMessage = AnyValues.text(attributes.get("exception.message"));
      }
      kept.add(new SpanEvent(name, e.time(), attributes));
    }
    return new SpanEvents(kept, input, output, exceptionType, exceptionMessage);
  }
}
