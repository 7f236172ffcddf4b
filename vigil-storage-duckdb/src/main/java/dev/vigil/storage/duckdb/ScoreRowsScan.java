package dev.vigil.storage.duckdb;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
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
 * unnesting it cost several times more. Ids go out as {@link ScoreIds} stores them. A score's name,
 * type, source and metadata are one kind in {@code score_kinds} under a hash of their content
 * ({@code kind_id}): a page's scores share a handful, and only the first row of each distinct kind in
 * a batch carries its text ({@code name} … {@code mv}). Writers run concurrently, so each stages its
 * batch under its own key.
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
  private static final String[] TEXT = {"id", "trace_id", "span_id", "label", "comment", "name", "data_type", "source",
      "mk", "mv"};
  private static final int NAME_COLUMN = 5;
  /** The integer columns; all but the last two may be null. */
  private static final String[] INTS = {"id_hi", "id_lo", "trace_hi", "trace_lo", "span", "time_ns", "kind_id"};
  private static final int TIME = 5;
  private static final int KIND = 6;

  /** What a kind is besides its metadata. */
  private record Head(String name, ScoreDataType dataType, ScoreSource source) {}

  private record Kind(Head head, Map<String, String> metadata) {}

  /** One batch's columns. */
  static final class Staged {
    final int size;
    final String[][] text;
    final long[][] ints;
    final boolean[][] intNull;
    final double[] value;
    final boolean[] valueNull;
    /** The batch's times as ranges, and whether every score is an evaluator's (whose id fixes its time). */
    final List<long[]> timeRanges;
    final boolean onlyEvals;
    /** The batch's distinct times, ascending (a subject's scores share its start time). */
    final Long[] distinctTimes;
    /** The batch's distinct subjects as {@link StoredScoreKeys#key}s. */
    final long[] subjectKeys;
    /** The distinct kinds' ids. */
    private final long[] kindIds;

    /** The distinct values of {@code values}, ascending. */
    private static long[] unique(long[] values) {
      long[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      int n = 0;
      for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[n++] = sorted[i];
      return java.util.Arrays.copyOf(sorted, n);
    }

    long[] kindIds() {
      return kindIds;
    }

    Staged(List<Score> scores) {
      size = scores.size();
      text = new String[TEXT.length][size];
      ints = new long[INTS.length][size];
      intNull = new boolean[INTS.length][size];
      value = new double[size];
      valueNull = new boolean[size];
      long[] keys = new long[size];
      Map<Kind, Long> distinct = new HashMap<>();
      // writers mostly pass one metadata instance per distinct map: skip hashing it
      Map<Head, Map<Map<String, String>, Long>> same = new HashMap<>();
      boolean evals = true;
      for (int i = 0; i < size; i++) {
        Score s = scores.get(i);
        ids(i, s);
        text[3][i] = s.label();
        text[4][i] = s.comment();
        valueNull[i] = s.value() == null;
        value[i] = s.value() == null ? 0 : s.value();
        ints[TIME][i] = s.epochNanos();
        keys[i] = StoredScoreKeys.key(s.traceId(), s.spanId(), s.epochNanos());
        evals &= s.source() == ScoreSource.EVAL;
        Head head = new Head(s.name(), s.dataType(), s.source());
        Map<Map<String, String>, Long> byInstance = same.computeIfAbsent(head, h -> new IdentityHashMap<>());
        Long known = byInstance.get(s.metadata());
        if (known == null) {
          Kind kind = new Kind(head, s.metadata());
          known = distinct.get(kind);
          if (known == null) {
            known = kindId(s.name(), text(s.dataType()), text(s.source()), s.metadata());
            distinct.put(kind, known);
            text[NAME_COLUMN][i] = s.name();
            text[NAME_COLUMN + 1][i] = text(s.dataType());
            text[NAME_COLUMN + 2][i] = text(s.source());
            if (!s.metadata().isEmpty()) {
              text[8][i] = String.join(SEP, s.metadata().keySet().stream().map(ScoreRowsScan::part).toList());
              text[9][i] = String.join(SEP, s.metadata().values().stream().map(ScoreRowsScan::part).toList());
            }
          }
          byInstance.put(s.metadata(), known);
        }
        ints[KIND][i] = known;
      }
      kindIds = distinct.values().stream().mapToLong(Long::longValue).toArray();
      timeRanges = TimeRanges.of(ints[TIME]);
      onlyEvals = evals;
      distinctTimes = java.util.Arrays.stream(unique(ints[TIME])).boxed().toArray(Long[]::new);
      subjectKeys = unique(keys);
    }

    /** Row {@code i}'s id, trace id and span id, each as halves or as text. */
    private void ids(int i, Score s) {
      if (ScoreIds.isEvalId(s.id())) {
        ints[0][i] = ScoreIds.evalHi(s.id());
        ints[1][i] = ScoreIds.evalLo(s.id());
      } else {
        intNull[0][i] = intNull[1][i] = true;
        text[0][i] = s.id();
      }
      if (ScoreIds.isHexTrace(s.traceId())) {
        ints[2][i] = IdCodec.traceHi(s.traceId());
        ints[3][i] = IdCodec.traceLo(s.traceId());
      } else {
        intNull[2][i] = intNull[3][i] = true;
        text[1][i] = s.traceId();
      }
      if (ScoreIds.isHexSpan(s.spanId())) {
        ints[4][i] = IdCodec.span(s.spanId());
      } else {
        intNull[4][i] = true;
        text[2][i] = s.spanId();
      }
    }
  }

  private static String text(ScoreDataType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static String text(ScoreSource source) {
    return source.name().toLowerCase(Locale.ROOT);
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

  /** A kind's id: 63 bits of the SHA-256 of its name, type, source and entries, in order (never negative: migrated kinds are). */
  static long kindId(String name, String dataType, String source, Map<String, String> metadata) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(name, dataType, source)) {
        d.update(part.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
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
    for (String c : INTS) info.addResultColumn(c, DuckDBColumnType.BIGINT);
    info.addResultColumn("value", DuckDBColumnType.DOUBLE);
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
    for (int c = 0; c < INTS.length; c++) {
      DuckDBWritableVector v = out.vector(TEXT.length + c);
      long[] ints = s.ints[c];
      boolean[] nulls = s.intNull[c];
      for (int i = 0; i < n; i++) {
        if (nulls[from + i]) v.setNull(i);
        else v.setLong(i, ints[from + i]);
      }
    }
    DuckDBWritableVector value = out.vector(TEXT.length + INTS.length);
    for (int i = 0; i < n; i++) {
      if (s.valueNull[from + i]) value.setNull(i);
      else value.setDouble(i, s.value[from + i]);
    }
    return n;
  }
}
