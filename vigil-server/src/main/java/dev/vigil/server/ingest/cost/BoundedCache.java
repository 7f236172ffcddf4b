package dev.vigil.server.ingest.cost;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent memo whose size is capped: model names come from clients, so a hostile or buggy
 * client could otherwise grow it without limit. When full it is simply emptied — crude, but the
 * names that matter are re-learned with one lookup each, and the hit path stays a plain map read.
 */
final class BoundedCache<K, V> {
  private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
  private final int maxSize;

  BoundedCache(int maxSize) {
    if (maxSize < 1) throw new IllegalArgumentException("maxSize must be positive");
    this.maxSize = maxSize;
  }

  V get(K key) {
    return map.get(key);
  }

  void put(K key, V value) {
    makeRoom();
    map.put(key, value);
  }

  V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
    V value = map.get(key);
    if (value != null) return value;
    makeRoom();
    return map.computeIfAbsent(key, compute);
  }

  int size() {
    return map.size();
  }

  private void makeRoom() {
    if (map.size() >= maxSize) map.clear();
  }
}
