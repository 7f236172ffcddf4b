package dev.vigil.server.ingest.pii;

import dev.vigil.model.Content;
import dev.vigil.model.Document;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.SpanEvent;
import dev.vigil.model.ToolCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Masks the free-text parts of model records for one span, tallying what it replaced. Every method
 * returns its argument itself when nothing in it changed, so a clean span allocates almost nothing;
 * ids, names, roles and numbers are never touched. Not thread-safe: one per span.
 */
final class FieldMasker {
  private final PiiMasker masker;
  final Map<String, Integer> counts = new HashMap<>(4);
  private final TextHints hints = new TextHints();

  FieldMasker(PiiMasker masker) {
    this.masker = masker;
  }

  String text(String s) {
    return s == null ? null : masker.mask(s, counts, hints);
  }

  /** Attribute values: strings, and strings inside lists and maps at any depth. */
  @SuppressWarnings("unchecked")
  Object value(Object v) {
    if (v instanceof String s) return text(s);
    if (v instanceof List<?> list) return list((List<Object>) list, this::value);
    if (v instanceof Map<?, ?> map) return values(map);
    return v;
  }

  <K, V> Map<K, V> values(Map<K, V> map) {
    if (map.isEmpty()) return map;
    // forEach, not entrySet(): the unmodifiable maps of the model wrap every entry they iterate
    MapValues<K, V> visit = new MapValues<>(map);
    map.forEach(visit);
    return visit.copy == null ? map : Collections.unmodifiableMap(visit.copy);
  }

  /** Masks each value, copying the map at the first one that changes. */
  private final class MapValues<K, V> implements BiConsumer<K, V> {
    private final Map<K, V> map;
    Map<K, V> copy;

    MapValues(Map<K, V> map) {
      this.map = map;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(K key, V v) {
      V masked = (V) value(v);
      if (masked != v && copy == null) copy = new LinkedHashMap<>(map);
      if (copy != null) copy.put(key, masked);
    }
  }

  <T> List<T> list(List<T> list, UnaryOperator<T> f) {
    if (list.isEmpty()) return list;
    List<T> copy = null;
    for (int i = 0, n = list.size(); i < n; i++) {
      T item = list.get(i);
      T masked = item == null ? null : f.apply(item);
      if (masked != item && copy == null) copy = new ArrayList<>(list);
      if (copy != null) copy.set(i, masked);
    }
    return copy == null ? list : Collections.unmodifiableList(copy);
  }

  List<String> strings(List<String> list) {
    return list(list, this::text);
  }

  List<Message> messages(List<Message> list) {
    return list(list, this::message);
  }

  Message message(Message m) {
    String content = text(m.content());
    List<ToolCall> calls = list(m.toolCalls(), c -> {
      String args = text(c.arguments());
      return args == c.arguments() ? c : new ToolCall(c.id(), c.name(), args);
    });
    if (content == m.content() && calls == m.toolCalls()) return m;
    return new Message(m.role(), content, m.name(), calls, m.toolCallId(), m.finishReason());
  }

  Content content(Content c) {
    if (c.isEmpty()) return c;
    List<Message> in = messages(c.input()), out = messages(c.output());
    List<Document> docs = list(c.documents(), d -> {
      String text = text(d.content()), meta = text(d.metadata());
      return text == d.content() && meta == d.metadata() ? d : new Document(d.id(), text, d.score(), meta);
    });
    String inValue = text(c.inputValue()), outValue = text(c.outputValue());
    if (in == c.input() && out == c.output() && docs == c.documents()
        && inValue == c.inputValue() && outValue == c.outputValue()) return c;
    return new Content(in, out, docs, inValue, outValue);
  }

  /** Request parameters may carry free text (OpenAI's "user", stop sequences, metadata). */
  LlmCall llm(LlmCall llm) {
    if (llm == null) return null;
    Map<String, Object> params = values(llm.requestParameters());
    if (params == llm.requestParameters()) return llm;
    return new LlmCall(llm.operation(), llm.provider(), llm.requestModel(), llm.responseModel(), llm.usage(),
        llm.cost(), llm.finishReasons(), llm.timeToFirstTokenNanos(), llm.streaming(), llm.responseId(), params);
  }

  List<SpanEvent> events(List<SpanEvent> events) {
    return list(events, e -> {
      Map<String, Object> attrs = values(e.attributes());
      return attrs == e.attributes() ? e : new SpanEvent(e.name(), e.epochNanos(), attrs);
    });
  }

  /** {@code existing} plus what this masker counted. */
  Map<String, Integer> mergedCounts(Map<String, Integer> existing) {
    if (existing.isEmpty()) return counts;
    Map<String, Integer> merged = new HashMap<>(existing);
    counts.forEach((k, v) -> merged.merge(k, v, Integer::sum));
    return merged;
  }
}
