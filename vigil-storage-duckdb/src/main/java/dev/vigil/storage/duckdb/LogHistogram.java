package dev.vigil.storage.duckdb;

import java.util.Arrays;

/**
 * A mergeable latency histogram with fixed log-spaced buckets (the DDSketch layout): bucket i holds
 * values in (γ^(i-1), γ^i] and reports 2γ^i/(γ+1), which is within {@link #RELATIVE_ERROR} of every
 * value in it; zero and negative values share bucket {@link #ZERO}, reported as 0. Histograms merge
 * by adding counts per index, so hourly partial rows from many index batches add up at query time.
 */
final class LogHistogram {
  static final double GAMMA = 1.04;
  static final double LN_GAMMA = Math.log(GAMMA);
  /** (γ-1)/(γ+1) ≈ 1.96 %: the bound on a reported value, and so on an interpolated percentile. */
  static final double RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);
  static final int ZERO = -1;

  private int offset; // index of counts[0]
  private int[] counts = new int[0];

  static int index(long v) {
    return v <= 0 ? ZERO : (int) Math.ceil(Math.log(v) / LN_GAMMA);
  }

  static double value(int index) {
    return index == ZERO ? 0 : 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
  }

  /** The same index in DuckDB SQL, for spans aggregated there (query edges, rebuilds). */
  static String sqlIndex(String expr) {
    return "CASE WHEN " + expr + " <= 0 THEN -1 ELSE CAST(ceil(ln(" + expr + ") / " + LN_GAMMA + ") AS SMALLINT) END";
  }

  void add(long v) {
    addIndex(index(v));
  }

  /** Counts a value whose {@link #index} the caller computed (once for several histograms). */
  void addIndex(int i) {
    if (counts.length == 0) {
      offset = i;
      counts = new int[8];
    } else if (i < offset) {
      int[] grown = new int[counts.length + (offset - i) + 8];
      System.arraycopy(counts, 0, grown, offset - i + 8, counts.length);
      counts = grown;
      offset = i - 8;
    } else if (i - offset >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(counts.length * 2, i - offset + 8));
    }
    counts[i - offset]++;
  }

  /** Non-empty indexes as a DuckDB list literal, e.g. {@code [3, 17]}; {@link #countsText} aligned. */
  String indexesText() {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] == 0) continue;
      if (sb.length() > 1) sb.append(',');
      sb.append(k + offset);
    }
    return sb.append(']').toString();
  }

  String countsText() {
    StringBuilder sb = new StringBuilder("[");
    for (int c : counts) {
      if (c == 0) continue;
      if (sb.length() > 1) sb.append(',');
      sb.append(c);
    }
    return sb.append(']').toString();
  }

  /**
   * The q-quantile as DuckDB's {@code quantile_cont} interpolates it (between the order statistics
   * around rank q·(n-1)), over bucket values instead of exact ones: a convex combination of values
   * each within the relative error, so within it too. Null when empty. Indexes must be ascending.
   */
  static Double quantile(int[] indexes, long[] counts, double q) {
    long n = 0;
    for (long c : counts) n += c;
    if (n == 0) return null;
    double rank = q * (n - 1);
    long lo = (long) Math.floor(rank);
    long hi = (long) Math.ceil(rank);
    double low = atRank(indexes, counts, lo);
    double high = hi == lo ? low : atRank(indexes, counts, hi);
    return low + (rank - lo) * (high - low);
  }

  private static double atRank(int[] indexes, long[] counts, long rank) {
    long seen = 0;
    for (int k = 0; k < indexes.length; k++) {
      seen += counts[k];
      if (rank < seen) return value(indexes[k]);
    }
    return value(indexes[indexes.length - 1]);
  }
}
