package dev.vigil.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered attribute map over two exact-size arrays: a span's ~25 attributes in about a
 * third of a LinkedHashMap's memory, built without hashing. Lookups scan, which for maps this small
 * costs less than the hash table would; {@link Attributes#ofDistinct} keeps larger maps hashed.
 */
final class CompactAttributes extends AbstractMap<String, Object> {
  static final int MAX_SIZE = 32;

  private final String[] keys;
  private final Object[] values;

  /** Takes ownership of arrays of exactly the map's size, distinct non-null keys and non-null values. */
  CompactAttributes(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  private int indexOf(Object key) {
    if (!(key instanceof String k)) return -1;
    int h = k.hashCode();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].hashCode() == h && keys[i].equals(k)) return i;
    }
    return -1;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < keys.length; i++) action.accept(keys[i], values[i]);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= keys.length) throw new NoSuchElementException();
            Entry<String, Object> e = Map.entry(keys[next], values[next]);
            next++;
            return e;
          }
        };
      }
    };
  }
}
