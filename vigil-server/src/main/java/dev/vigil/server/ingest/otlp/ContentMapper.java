package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Content;
import dev.vigil.model.Document;
import dev.vigil.model.SpanType;
import java.util.List;
import java.util.Map;

/**
 * Everything a span was asked and answered. Opaque values (a tool's arguments, a chain's input, a
 * retrieval query) fill in only a side that has no messages, so content is never stored twice.
 */
final class ContentMapper {
  private static final String[] INPUT_KEYS = {
      "gen_ai.tool.call.arguments", "gen_ai.retrieval.query.text", "input.value", "traceloop.entity.input",
      "langfuse.observation.input", "reranker.query", "langfuse.trace.input"};
  private static final String[] OUTPUT_KEYS = {
      "gen_ai.tool.call.result", "output.value", "traceloop.entity.output", "langfuse.observation.output",
      "langfuse.trace.output"};

  private ContentMapper() {}

  static Content content(SpanAttributes a, SpanType type, MessagesMapper.Messages messages) {
    List<Document> documents = DocumentsMapper.documents(a);
    String inputValue = null;
    String outputValue = null;
    if (messages.input().isEmpty()) {
      inputValue = value(a, INPUT_KEYS);
      if (inputValue == null) inputValue = embeddingTexts(a);
      if (inputValue == null && type == SpanType.TOOL) inputValue = value(a, "tool.parameters");
    }
    if (messages.output().isEmpty()) outputValue = value(a, OUTPUT_KEYS);
    if (messages.input().isEmpty() && messages.output().isEmpty() && documents.isEmpty()
        && inputValue == null && outputValue == null) {
      return Content.EMPTY;
    }
    return new Content(messages.input(), messages.output(), documents, inputValue, outputValue);
  }

  /** Tool arguments and results may be structured (type any): stored as JSON text. */
  private static String value(SpanAttributes a, String... keys) {
    for (String key : keys) {
      Object v = a.get(key);
      if (v != null && AnyValues.text(v) != null) return AnyValues.string(v);
    }
    return null;
  }

  /** OpenInference embedding.embeddings.N.embedding.text; the vectors are not content worth keeping. */
  private static String embeddingTexts(SpanAttributes a) {
    if (!a.has(Family.EMBEDDINGS)) return null;
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> e : Indexed.group(a, Family.EMBEDDINGS).values()) {
      String text = AnyValues.text(e.get("embedding.text"));
      if (text == null) continue;
      if (!sb.isEmpty()) sb.append('\n');
      sb.append(text);
    }
    return sb.isEmpty() ? null : sb.toString();
  }
}
