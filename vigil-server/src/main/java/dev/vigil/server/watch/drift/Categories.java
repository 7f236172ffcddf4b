package dev.vigil.server.watch.drift;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Two windows' counts per category, aligned on the union of their categories. */
record Categories(List<String> names, long[] baseline, long[] current) {

  static Categories of(Map<String, Long> baseline, Map<String, Long> current) {
    Set<String> names = new LinkedHashSet<>(baseline.keySet());
    names.addAll(current.keySet());
    List<String> list = new ArrayList<>(names);
    long[] b = new long[list.size()];
    long[] c = new long[list.size()];
    for (int i = 0; i < list.size(); i++) {
      b[i] = baseline.getOrDefault(list.get(i), 0L);
      c[i] = current.getOrDefault(list.get(i), 0L);
    }
    return new Categories(list, b, c);
  }

  static long total(long[] counts) {
    long n = 0;
    for (long c : counts) n += c;
    return n;
  }
}
