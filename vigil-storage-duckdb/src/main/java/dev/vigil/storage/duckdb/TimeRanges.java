package dev.vigil.storage.duckdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A batch's times as a few ranges with the empty stretches between them left out, for a filter
 * DuckDB can prune row groups with. A page of live spans is one narrow range; a page that mixes live
 * spans with a backfill of old ones is two, not one range over everything in between (an
 * {@code OR} of ranges prunes as well as one range does).
 */
final class TimeRanges {
  /** Times closer than this stay in one range. */
  static final long GAP_NANOS = 10L * 60 * 1_000_000_000L;
  /** More ranges than this and the batch is one range: a long filter costs more than it saves. */
  static final int MAX = 16;

  private TimeRanges() {}

  /** {@code [from, to]} pairs, ascending; one pair spanning everything beyond {@link #MAX} ranges. */
  static List<long[]> of(long[] times) {
    List<long[]> out = new ArrayList<>();
    if (times.length == 0) return out;
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    long from = sorted[0];
    long to = sorted[0];
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] - to > GAP_NANOS) {
        out.add(new long[] {from, to});
        from = sorted[i];
      }
      to = sorted[i];
    }
    out.add(new long[] {from, to});
    return out.size() <= MAX ? out : List.of(new long[] {sorted[0], sorted[sorted.length - 1]});
  }

  /** The SQL condition over {@code column} for {@code ranges}, two parameters per range. */
  static String sql(String column, List<long[]> ranges) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < ranges.size(); i++) {
      if (i > 0) sb.append(" OR ");
      sb.append(column).append(" BETWEEN ? AND ?");
    }
    return sb.append(')').toString();
  }
}
