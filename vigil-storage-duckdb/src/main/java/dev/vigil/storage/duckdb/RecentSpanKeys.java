package dev.vigil.storage.duckdb;

/**
 * The last N span keys seen, for dropping re-sent spans before they reach the index (a primary key
 * in DuckDB would cost ~4x ingest throughput). A FIFO ring of 64-bit keys plus an open-addressing
 * set over it; when the ring wraps, the oldest key leaves the set. A retry older than N spans gets
 * through as a duplicate: N is sized so that takes minutes at benchmark rates and days at normal ones.
 * Single-threaded (the indexer).
 */
final class RecentSpanKeys {
  private static final long EMPTY = 0;
  private final long[] ring;
  private final long[] table;
  private final int mask;
  private int next;
  private int size;

  RecentSpanKeys(int capacity) {
    ring = new long[capacity];
    int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
    table = new long[slots];
    mask = slots - 1;
  }

  /** A 64-bit key of (project, trace id halves, span id); never {@link #EMPTY}. */
  static long key(long projectId, long traceHi, long traceLo, long spanId) {
    long h = mix(projectId * 0x9E3779B97F4A7C15L ^ traceHi);
    h = mix(h ^ traceLo);
    h = mix(h ^ spanId);
    return h == EMPTY ? 1 : h;
  }

  static long mix(long h) { // murmur3's 64-bit finalizer
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** @return true when the key was new (and is now remembered) */
  boolean add(long key) {
    if (contains(key)) return false;
    if (size == ring.length) {
      remove(ring[next]);
    } else {
      size++;
    }
    ring[next] = key;
    next = (next + 1) % ring.length;
    insert(key);
    return true;
  }

  boolean contains(long key) {
    for (int i = slot(key); ; i = (i + 1) & mask) {
      long k = table[i];
      if (k == EMPTY) return false;
      if (k == key) return true;
    }
  }

  int size() {
    return size;
  }

  private void insert(long key) {
    int i = slot(key);
    while (table[i] != EMPTY) i = (i + 1) & mask;
    table[i] = key;
  }

  /** Backward-shift deletion keeps probe chains intact without tombstones. */
  private void remove(long key) {
    int i = slot(key);
    while (table[i] != key) {
      if (table[i] == EMPTY) return;
      i = (i + 1) & mask;
    }
    int hole = i;
    for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
      int home = slot(table[j]);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        table[hole] = table[j];
        hole = j;
      }
    }
    table[hole] = EMPTY;
  }

  private int slot(long key) {
    return (int) (key ^ (key >>> 32)) & mask;
  }
}
