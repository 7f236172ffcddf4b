package dev.vigil.storage.duckdb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per distinct value for low-cardinality index columns (model, feature, provider, …):
 * rows waiting for the indexer would otherwise each keep their own copies. Bounded; when full it
 * starts over, so hostile cardinality costs a little sharing, never unbounded memory.
 */
final class Interned {
  private static final int MAX = 20_000;
  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

  private Interned() {}

  static String of(String s) {
    if (s == null || s.length() > 200) return s;
    String known = VALUES.putIfAbsent(s, s);
    if (known != null) return known;
    if (VALUES.size() > MAX) VALUES.clear();
    return s;
  }
}
