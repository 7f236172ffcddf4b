package dev.vigil.storage.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Per project, a Bloom filter over the subjects of its stored scores (trace id, span id and time), so
 * that a batch of evaluator scores none of whose subjects was ever scored skips the duplicate check in
 * the table: an evaluator's score id is derived from its subject, so a repeat has a stored subject.
 * The check scans every stored score of the batch's time range, which for a backfill of spread-out
 * spans was half the scoring pipeline's CPU. Keyed by time alone, the filter said "maybe" whenever
 * another span had started at the same instant: with millisecond clocks (and with the ingest
 * benchmark, which re-sends its payloads with fresh ids and the same times) that was every page.
 * A "maybe" only means the table is asked, as before. Built from the table on a project's first batch
 * (in the writer's transaction) and kept by the writer after each commit; deletes (retention) leave it
 * a superset, which is safe. A project past {@link #MAX_ROWS} scores keeps no filter (its batches are
 * always checked in the table). Used under the {@link ScoreWriter}'s lock.
 */
final class StoredScoreKeys {
  static final long MAX_ROWS = 8_000_000; // a filter of at most ~40 MB (twice the rows, 20 bits each)
  private static final int BITS_PER_KEY = 20;
  private static final int PROBES = 10;
  private static final int BLOCK_WORDS = 8; // one 64-byte cache line per key
  private static final long NONE = -1;
  private static final long MIN_KEYS = 1L << 20;

  private final Map<Long, Filter> filters = new HashMap<>();
  private final Map<Long, Boolean> tooLarge = new HashMap<>();

  /**
   * A blocked Bloom filter: all of a key's probes fall in one cache line, so an add or a look-up
   * costs one cache miss, not one per probe (with probes spread over ~40 MB, adding a page's keys
   * was a tenth of the score writer's CPU). At 20 bits a key it answers "maybe" for ~0.1 % of the
   * keys never stored.
   */
  static final class Filter {
    final long[] bits;
    final long blocks;
    final long capacity;
    long count;

    Filter(long capacity) {
      this.capacity = capacity;
      this.blocks = Math.max(1, (capacity * BITS_PER_KEY + 511) / 512);
      this.bits = new long[(int) (blocks * BLOCK_WORDS)];
    }

    void add(long key) {
      probe(key, true);
      count++;
    }

    boolean mayContain(long key) {
      return probe(key, false);
    }

    /** Visits the key's probe bits, all in one block: sets them ({@code set}), or says whether all are set. */
    private boolean probe(long key, boolean set) {
      long h = RecentSpanKeys.mix(key);
      int base = (int) Math.unsignedMultiplyHigh(h, blocks) * BLOCK_WORDS;
      long g = RecentSpanKeys.mix(h ^ 0x9E3779B97F4A7C15L);
      long step = RecentSpanKeys.mix(g) | 1;
      for (int i = 0; i < PROBES; i++, g += step) {
        int bit = (int) (g >>> 55); // 0..511 within the block
        int word = base + (bit >>> 6);
        if (set) bits[word] |= 1L << bit;
        else if ((bits[word] & (1L << bit)) == 0) return false;
      }
      return true;
    }
  }

  /** A score's subject as the filter's key. */
  static long key(String traceId, String spanId, long time) {
    long ids = ((long) (traceId == null ? 0 : traceId.hashCode()) << 32) | ((spanId == null ? 0 : spanId.hashCode()) & 0xffffffffL);
    return RecentSpanKeys.mix(time) ^ RecentSpanKeys.mix(ids ^ 0x632BE59BD9B4E019L);
  }

  /** True when some of {@code keys} may be stored for the project (or nothing is known): check in the table. */
  boolean mayContainAny(Connection conn, long projectId, long[] keys) throws SQLException {
    Filter f = filter(conn, projectId);
    if (f == null) return true;
    for (long k : keys) if (f.mayContain(k)) return true;
    return false;
  }

  /** After a commit: the batch's subjects are stored now. */
  void added(long projectId, long[] keys) {
    Filter f = filters.get(projectId);
    if (f == null) return; // built from the table (which has them) when next needed
    if (f.count + keys.length > f.capacity) { // rebuilt, twice as large, from the table when next needed
      filters.remove(projectId);
      return;
    }
    for (long k : keys) f.add(k);
  }

  /** Forgets everything: the next batch of each project rebuilds its filter from the table. */
  void clear() {
    filters.clear();
    tooLarge.clear();
  }

  private Filter filter(Connection conn, long projectId) throws SQLException {
    Filter f = filters.get(projectId);
    if (f != null || tooLarge.containsKey(projectId)) return f;
    long rows = count(conn, projectId);
    if (rows > MAX_ROWS) {
      tooLarge.put(projectId, true);
      return null;
    }
    // Room for a million subjects at first (2.5 MB): each rebuild reads every stored subject's ids
    // back from the table, which a small filter outgrowing itself early would do again and again.
    f = new Filter(Math.max(MIN_KEYS, rows * 2));
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT DISTINCT " + ScoreIds.TRACE_SQL + ", " + ScoreIds.SPAN_SQL + ", time_ns FROM score_values WHERE project_id = ?")) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) f.add(key(rs.getString(1), rs.getString(2), rs.getLong(3)));
      }
    }
    filters.put(projectId, f);
    return f;
  }

  private static long count(Connection conn, long projectId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM score_values WHERE project_id = ?")) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : NONE;
      }
    }
  }
}
