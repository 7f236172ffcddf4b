package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Attributes;
import java.util.Map;

/**
 * One span's attributes, converted once and looked up by key. Built in one pass over the OTLP
 * key-values into parallel arrays with an open-addressing index, the family of each flattened key
 * ({@link Family}) noted on the way: no map of all attributes, no second pass per family. A span has
 * ~25 attributes and its mappers make ~65 lookups, mostly for other dialects' keys. Order and
 * duplicates behave as in a LinkedHashMap: first position, last value; unset values are left out.
 */
final class SpanAttributes {
  private static final byte NONE = -1;
  /** A single content attribute (as opposed to a flattened family): not kept as a raw attribute. */
  private static final byte SINGLE_CONTENT = -2;

  private final String[] keys;
  private final Object[] values;
  private final int[] hashes;
  /** Family ordinal, {@link #NONE} or {@link #SINGLE_CONTENT}, per position. */
  private final byte[] kinds;
  private int size;
  /** Position + 1 per slot, 0 for free; a power of two at least twice the capacity. */
  private final int[] table;
  /** One bit per key hash, 128 in all: most lookups miss, and most misses stop here. */
  private long hashBits0;
  private long hashBits1;
  private int familyBits;
  private boolean hasContent;

  SpanAttributes(OtlpTraces.Attrs keyValues) {
    int capacity = keyValues.size() + 2; // room for the scope name and version
    keys = new String[capacity];
    values = new Object[capacity];
    hashes = new int[capacity];
    kinds = new byte[capacity];
    table = new int[Integer.highestOneBit(capacity * 4 - 1)];
    for (int i = 0, n = keyValues.size(); i < n; i++) put(keyValues.key(i), keyValues.value(i), true);
  }

  /** Sets the value of {@code key}, appending it when new; an unindexed key is in {@link #raw} only. */
  private void put(String key, Object value, boolean indexed) {
    int h = key.hashCode();
    int mask = table.length - 1;
    int slot = spread(h) & mask;
    for (int p; (p = table[slot]) != 0; slot = (slot + 1) & mask) {
      if (hashes[p - 1] == h && keys[p - 1].equals(key)) {
        values[p - 1] = value;
        return;
      }
    }
    int i = size++;
    keys[i] = key;
    values[i] = value;
    hashes[i] = h;
    if (indexed) {
      table[slot] = i + 1;
      int bit = spread(h); // shifts use the low six bits; bit 6 picks the word
      if ((bit & 64) == 0) hashBits0 |= 1L << bit;
      else hashBits1 |= 1L << bit;
    }
    byte kind = kind(key);
    kinds[i] = kind;
    if (kind >= 0) {
      familyBits |= 1 << kind;
      hasContent |= Family.VALUES[kind].content;
    } else if (kind == SINGLE_CONTENT) {
      hasContent = true;
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private static byte kind(String key) {
    Family f = Family.of(key);
    if (f != null) return (byte) f.ordinal();
    return isSingleContent(key) ? SINGLE_CONTENT : NONE;
  }

  /** Single content attributes: stored once, as messages, values or documents. */
  static boolean isSingleContent(String key) {
    return switch (key) {
      case "gen_ai.system_instructions", "gen_ai.input.messages", "gen_ai.output.messages",
          "gen_ai.prompt", "gen_ai.completion", "llm.prompts",
          "input.value", "output.value", "traceloop.entity.input", "traceloop.entity.output",
          "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "tool.parameters",
          "gen_ai.retrieval.documents", "gen_ai.retrieval.query.text", "reranker.query",
          "langfuse.observation.input", "langfuse.observation.output", "langfuse.trace.input",
          "langfuse.trace.output" -> true;
      default -> false;
    };
  }

  Object get(String key) {
    int h = key.hashCode();
    int spread = spread(h);
    if ((((spread & 64) == 0 ? hashBits0 : hashBits1) & (1L << spread)) == 0) return null;
    int mask = table.length - 1;
    for (int slot = spread & mask, p; (p = table[slot]) != 0; slot = (slot + 1) & mask) {
      if (hashes[p - 1] == h && keys[p - 1].equals(key)) return values[p - 1];
    }
    return null;
  }

  /** Non-blank text of the first of {@code keys} the span has. */
  String text(String... keys) {
    for (String key : keys) {
      String s = AnyValues.text(get(key));
      if (s != null) return s;
    }
    return null;
  }

  String text(String key) {
    return AnyValues.text(get(key));
  }

  Long longValue(String... keys) {
    for (String key : keys) {
      Long v = AnyValues.toLong(get(key));
      if (v != null) return v;
    }
    return null;
  }

  Double doubleValue(String key) {
    return AnyValues.toDouble(get(key));
  }

  /** Attributes by position, in the order sent. */
  int size() {
    return size;
  }

  String key(int i) {
    return keys[i];
  }

  Object value(int i) {
    return values[i];
  }

  /** Whether the attribute at {@code i} belongs to {@code family}. */
  boolean in(int i, Family family) {
    return kinds[i] == family.ordinal();
  }

  /** Whether any key of {@code family} was sent. */
  boolean has(Family family) {
    return (familyBits & (1 << family.ordinal())) != 0;
  }

  /**
   * Every attribute except content, which is stored once, as messages, values or documents; then the
   * instrumentation scope, named as OTel's non-OTLP exporters name it, unless the span has those keys.
   * Immutable, so the Span's constructor keeps it without copying.
   */
  Map<String, Object> raw(String scopeName, String scopeVersion) {
    // Lookups see the scope keys only when the span has no content, as when they were put into the
    // span's own map then: the feature attribute can be any key, these two included.
    boolean visible = !hasContent;
    if (!scopeName.isEmpty() && get("otel.scope.name") == null) put("otel.scope.name", scopeName, visible);
    if (!scopeVersion.isEmpty() && get("otel.scope.version") == null) put("otel.scope.version", scopeVersion, visible);
    if (!hasContent) return Attributes.ofDistinct(keys, values, size);
    String[] kept = new String[size]; // content keys left out (null), the rest in place
    for (int i = 0; i < size; i++) if (!isContent(kinds[i])) kept[i] = keys[i];
    return Attributes.ofDistinct(kept, values, size);
  }

  /** Whether {@code kind} marks content: a content family or a single content key. */
  static boolean isContent(byte kind) {
    return kind == SINGLE_CONTENT || (kind >= 0 && Family.VALUES[kind].content);
  }
}
