package dev.vigil.server.ingest.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks non-overlapping findings deterministically: priority findings (secrets, custom rules)
 * first, then generic ones in the gaps they leave; within each tier the earliest start wins, then
 * the longest, then the detector that ran first (the sort is stable).
 */
final class Overlaps {
  private static final Comparator<Finding> ORDER =
      Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::length).reversed());

  private Overlaps() {}

  /** Non-overlapping findings sorted by start. */
  static List<Finding> resolve(List<Finding> all) {
    if (all.size() <= 1) return all;
    List<Finding> high = new ArrayList<>(), low = new ArrayList<>();
    for (Finding f : all) (f.priority() ? high : low).add(f);
    high = greedy(high);
    low = greedy(low);
    List<Finding> result = new ArrayList<>(high.size() + low.size());
    int h = 0;
    for (Finding f : low) {
      while (h < high.size() && high.get(h).end() <= f.start()) result.add(high.get(h++));
      if (h == high.size() || high.get(h).start() >= f.end()) result.add(f);
    }
    while (h < high.size()) result.add(high.get(h++));
    return result;
  }

  private static List<Finding> greedy(List<Finding> tier) {
    if (tier.size() <= 1) return tier;
    tier.sort(ORDER);
    List<Finding> kept = new ArrayList<>(tier.size());
    int end = -1;
    for (Finding f : tier) {
      if (f.start() >= end) {
        kept.add(f);
        end = f.end();
      }
    }
    return kept;
  }
}
