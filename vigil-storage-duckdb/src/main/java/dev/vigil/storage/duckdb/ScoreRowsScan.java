package dev.vigil.storage.duckdb;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * A DuckDB table function {@code vigil_score_rows(key)} over a batch of scores staged under
 * {@code key}, so that one {@code INSERT … SELECT} moves a whole page of scores into DuckDB vectors
 * (the span index does the same, see {@link BatchScan}). Binding every column as an array and
 * unnesting it cost several times more. Metadata maps are stored once in {@code score_meta} under a
 * hash of their content ({@code meta_id}, null: empty): a page's scores share a handful, and only the
 * first row of each distinct map in a batch carries its keys and values ({@code mk}, {@code mv}).
 * Writers run concurrently, so each stages its batch under its own key.
 */
final class ScoreRowsScan implements DuckDBTableFunction<ScoreRowsScan.Staged, AtomicInteger, Object> {
  static final String NAME = "vigil_score_rows";
  /**
   * DuckDB's threads that may read a batch at once. With one, the insert's only task often went to
   * DuckDB's background thread while the writer busy-waited for it (DuckDB spins while a query has
   * no task left for its caller, duckdb/duckdb#22178): a core burnt for nothing on every page. With
   * two, the writer takes the second task and the rows are appended in parallel.
   */
  private static final int THREADS = 2;
  private static final String SEP = "\u001f";
  private static final String[] TEXT = {"id", "trace_id", "span_id", "name", "data_type", "label", "source", "comment", "mk", "mv"};

  /** One batch's columns. */
  static final class Staged {
    final int size;
    final String[][] text;
    final double[] value;
    final boolean[] valueNull;
    final long[] time;
    final long[] meta;
    final boolean[] metaNull;
    /** The batch's times as ranges, and whether every score is an evaluator's (whose id fixes its time). */
    final List<long[]> timeRanges;
    final boolean onlyEvals;
    /** The batch's distinct times, ascending (a subject's scores share its start time). */
    final Long[] distinctTimes;
    /** The batch's distinct subjects as {@link StoredScoreKeys#key}s. */
    final long[] subjectKeys;
    /** The distinct metadata maps' ids. */
    private final long[] metaIds;

    /** The distinct values of {@code values}, ascending. */
    private static long[] unique(long[] values) {
      long[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      int n = 0;
      for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[n++] = sorted[i];
      return java.util.Arrays.copyOf(sorted, n);
    }

    long[] metaIds() {
      return metaIds;
    }

    Staged(List<Score> scores) {
      size = scores.size();
      text = new String[TEXT.length][size];
      value = new double[size];
      valueNull = new boolean[size];
      time = new long[size];
      meta = new long[size];
      metaNull = new boolean[size];
      Map<Map<String, String>, Long> distinct = new HashMap<>();
      Map<Map<String, String>, Long> same = new IdentityHashMap<>();
      boolean evals = true;
      for (int i = 0; i < size; i++) {
        Score s = scores.get(i);
        text[0][i] = s.id();
        text[1][i] = s.traceId();
        text[2][i] = s.spanId();
        text[3][i] = s.name();
        text[4][i] = s.dataType().name().toLowerCase(Locale.ROOT);
        text[5][i] = s.label();
        text[6][i] = s.source().name().toLowerCase(Locale.ROOT);
        text[7][i] = s.comment();
        valueNull[i] = s.value() == null;
        value[i] = s.value() == null ? 0 : s.value();
        time[i] = s.epochNanos();
        evals &= s.source() == ScoreSource.EVAL;
        if (s.metadata().isEmpty()) {
          metaNull[i] = true;
          continue;
        }
        Long known = same.get(s.metadata()); // writers mostly pass one instance per distinct map: skip hashing it
        if (known == null) {
          known = distinct.get(s.metadata());
          if (known != null) same.put(s.metadata(), known);
        }
        if (known != null) {
          meta[i] = known;
        } else {
          meta[i] = metaId(s.metadata());
          distinct.put(s.metadata(), meta[i]);
          same.put(s.metadata(), meta[i]);
          text[8][i] = String.join(SEP, s.metadata().keySet().stream().map(ScoreRowsScan::part).toList());
          text[9][i] = String.join(SEP, s.metadata().values().stream().map(ScoreRowsScan::part).toList());
        }
      }
      metaIds = distinct.values().stream().mapToLong(Long::longValue).toArray();
      timeRanges = TimeRanges.of(time);
      onlyEvals = evals;
      distinctTimes = java.util.Arrays.stream(unique(time)).boxed().toArray(Long[]::new);
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) keys[i] = StoredScoreKeys.key(text[1][i], text[2][i], time[i]);
      subjectKeys = unique(keys);
    }
  }

  private final Map<Long, Staged> staged = new ConcurrentHashMap<>();
  private final AtomicLong keys = new AtomicLong();

  void register(DuckDBConnection conn) throws SQLException {
    DuckDBFunctions.tableFunction().withName(NAME).withParameter(DuckDBColumnType.BIGINT).withFunction(this).register(conn);
  }

  Staged staged(long key) {
    return staged.get(key);
  }

  /** Stages {@code scores}; the caller must {@link #release} the key when its statement is done. */
  long stage(List<Score> scores) {
    long key = keys.incrementAndGet();
    staged.put(key, new Staged(scores));
    return key;
  }

  void release(long key) {
    staged.remove(key);
  }

  /** A map's id: 63 bits of its entries' SHA-256, in order (never negative: migrated maps are). */
  static long metaId(Map<String, String> metadata) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        d.update(part(e.getKey()).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(part(e.getValue()).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      return ByteBuffer.wrap(d.digest()).getLong() & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A metadata key or value without the separator (it would split the entry); null as empty. */
  private static String part(String s) {
    return s == null ? "" : s.replace('\u001f', ' ');
  }

  @Override
  public Staged bind(DuckDBTableFunctionBindInfo info) {
    for (String c : TEXT) info.addResultColumn(c, DuckDBColumnType.VARCHAR);
    info.addResultColumn("value", DuckDBColumnType.DOUBLE);
    info.addResultColumn("time_ns", DuckDBColumnType.BIGINT);
    info.addResultColumn("meta_id", DuckDBColumnType.BIGINT);
    Staged s = staged.get(info.getParameter(0).getLong());
    if (s == null) throw new IllegalStateException(NAME + ": no staged scores under that key");
    return s;
  }

  @Override
  public AtomicInteger init(DuckDBTableFunctionInitInfo info) {
    info.setMaxThreads(THREADS);
    return new AtomicInteger();
  }

  @Override
  public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
    Staged s = info.getBindData();
    AtomicInteger cursor = info.getInitData();
    int capacity = (int) out.capacity();
    int from = cursor.getAndAdd(capacity); // DuckDB's threads each claim their own chunks
    int n = Math.min(capacity, s.size - from);
    if (n <= 0) return 0;
    for (int c = 0; c < TEXT.length; c++) {
      byte[][] utf8 = new byte[n][];
      for (int i = 0; i < n; i++) {
        String v = s.text[c][from + i];
        utf8[i] = v == null ? null : v.getBytes(StandardCharsets.UTF_8);
      }
      out.vector(c).setStringUtf8Batch(0, utf8);
    }
    DuckDBWritableVector value = out.vector(TEXT.length);
    DuckDBWritableVector time = out.vector(TEXT.length + 1);
    DuckDBWritableVector meta = out.vector(TEXT.length + 2);
    for (int i = 0; i < n; i++) {
      if (s.valueNull[from + i]) value.setNull(i);
      else value.setDouble(i, s.value[from + i]);
      time.setLong(i, s.time[from + i]);
      if (s.metaNull[from + i]) meta.setNull(i);
      else meta.setLong(i, s.meta[from + i]);
    }
    return n;
  }
}
