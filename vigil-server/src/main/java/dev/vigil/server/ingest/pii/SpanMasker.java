package dev.vigil.server.ingest.pii;

import dev.vigil.model.Content;
import dev.vigil.model.LlmCall;
import dev.vigil.model.PiiMode;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.model.SpanEvent;
import java.util.List;
import java.util.Map;

/**
 * Masks every text a span carries before it is stored: messages (content and tool-call arguments),
 * documents (content and metadata), input/output values, status message, user and session ids,
 * metadata values, tags, LLM request parameters, and string values of span, resource and event
 * attributes at any depth. Ids, names, roles, model and provider names, enums and numbers stay as
 * they are. Counts are added to {@code piiCounts}. Returns the same instance when nothing changed.
 */
public final class SpanMasker {

  public Span mask(Span span, PiiMasker masker) {
    if (masker.mode() == PiiMode.OFF) return span;
    FieldMasker f = new FieldMasker(masker);
    String statusMessage = f.text(span.statusMessage());
    String userId = f.text(span.userId());
    String sessionId = f.text(span.sessionId());
    List<String> tags = f.strings(span.tags());
    Map<String, String> metadata = f.values(span.metadata());
    LlmCall llm = f.llm(span.llm());
    Content content = f.content(span.content());
    Map<String, Object> attributes = f.values(span.attributes());
    Map<String, Object> resource = f.values(span.resourceAttributes());
    List<SpanEvent> events = f.events(span.events());
    if (f.counts.isEmpty()) return span;
    return span.toBuilder()
        .statusMessage(statusMessage).userId(userId).sessionId(sessionId).tags(tags).metadata(metadata)
        .llm(llm).content(content).attributes(attributes).resourceAttributes(resource).events(events)
        .piiCounts(f.mergedCounts(span.piiCounts()))
        .build();
  }

  public SpanAttachment mask(SpanAttachment a, PiiMasker masker) {
    if (masker.mode() == PiiMode.OFF) return a;
    FieldMasker f = new FieldMasker(masker);
    var input = f.messages(a.input());
    var output = f.messages(a.output());
    var attributes = f.values(a.attributes());
    if (f.counts.isEmpty()) return a;
    return new SpanAttachment(a.traceId(), a.spanId(), a.epochNanos(), a.eventName(), input, output,
        attributes, f.mergedCounts(a.piiCounts()));
  }
}
