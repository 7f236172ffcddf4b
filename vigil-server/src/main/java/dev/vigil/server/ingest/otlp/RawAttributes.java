package dev.vigil.server.ingest.otlp;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A span's raw attributes as a read-only map over {@link SpanAttributes}' arrays, content entries
 * skipped. Span's constructor copies whatever map it is given (Attributes.copyOf, via forEach), so
 * building a LinkedHashMap here would copy every attribute twice.
 */
final class RawAttributes extends AbstractMap<String, Object> {
  private final String[] keys;
  private final Object[] values;
  private final int end;
  /** Null when nothing is skipped. */
  private final byte[] kinds;
  private final int size;

  RawAttributes(String[] keys, Object[] values, int end, byte[] kinds) {
    this.keys = keys;
    this.values = values;
    this.end = end;
    this.kinds = kinds;
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (kept(i)) n++;
    }
    this.size = n;
  }

  private boolean kept(int i) {
    return kinds == null || !SpanAttributes.isContent(kinds[i]);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < end; i++) {
      if (kept(i)) action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int i) {
            while (i < end && !kept(i)) i++;
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < end;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= end) throw new NoSuchElementException();
            Entry<String, Object> e = Map.entry(keys[next], values[next]);
            next = advance(next + 1);
            return e;
          }
        };
      }
    };
  }
}
