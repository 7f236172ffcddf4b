package dev.vigil.storage.duckdb;

import dev.vigil.model.Span;
import dev.vigil.storage.SpanListener;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves durable blocks into DuckDB. Work arrives in log order (the log writer submits it after each
 * fsync), is grouped into large transactions, de-duplicated against recently seen span keys, inserted
 * through {@link BatchScan}, and the per-project checkpoint advances in the same transaction, so a
 * crash re-indexes exactly what was not yet committed. After commit, listeners are told.
 */
final class Indexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  /**
   * A DuckDB row group: an insert of at least one row group is written straight to the file as
   * compressed row groups instead of through DuckDB's WAL, measured at about half the cost a row.
   */
  private static final int ROW_GROUP = 122_880;
  private static final int MAX_GROUP_ROWS = ROW_GROUP + 8192;
  /**
   * How long a group waits for more blocks. A transaction has a fixed cost (the commit, the rollup
   * rows): at one client's ~20k spans/s a 20 ms linger made one transaction a request, and the
   * indexer took a third of the server's CPU; 200 ms cut the server's CPU a span by ~10 %. Spans are
   * queryable that much later; a caller of {@link #awaitIdle} cuts the wait short.
   */
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  /** Under a backlog, wait this long for a group to fill a row group; visibility lags at most this. */
  private static final long BACKLOG_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /**
   * Partial rollup rows that make a compaction worth its pause under sustained ingest (it also runs
   * whenever the indexer idles). Measured: compacting every 50k rows cost ~8 % of load throughput.
   */
  private static final long COMPACT_ROWS = 500_000;

  private final DuckDBConnection conn;
  private final IndexTransaction transaction;
  private final RecentSpanKeys recent;
  private final RollupCompaction compaction = new RollupCompaction();
  private final LinkedBlockingQueue<IndexWork> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger waiters = new AtomicInteger();
  private final AtomicLong pendingRows = new AtomicLong();
  private final AtomicLong indexedSpans = new AtomicLong();
  private final AtomicLong duplicateSpans = new AtomicLong();
  private final List<SpanListener> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final Object idle = new Object();
  private volatile boolean running = true;
  private volatile String lastError;
  private long nextCompaction;

  Indexer(DuckDBConnection conn, int recentKeys) throws SQLException {
    this.conn = conn;
    this.recent = new RecentSpanKeys(recentKeys);
    BatchScan spanScan = new BatchScan("vigil_span_rows", () -> new SpanBatch(0, 1));
    BatchScan attachmentScan = new BatchScan("vigil_attachment_rows", () -> new AttachmentBatch(0, 1));
    BatchScan rollupScan = new BatchScan("vigil_rollup_rows", () -> new RollupBatches.Spans(1));
    BatchScan userScan = new BatchScan("vigil_user_rollup_rows", () -> new RollupBatches.Days(1));
    spanScan.register(conn);
    attachmentScan.register(conn);
    rollupScan.register(conn);
    userScan.register(conn);
    this.transaction = new IndexTransaction(conn, spanScan, attachmentScan, rollupScan, userScan, compaction);
    this.thread = Thread.ofPlatform().name("vigil-indexer").daemon().unstarted(this::run);
  }

  /** Remembers the newest stored span keys so a retry across a restart is still recognized. */
  void warmUp(int limit) throws SQLException {
    try (Statement st = conn.createStatement();
        var rs = st.executeQuery("SELECT project_id, trace_hi, trace_lo, span_id FROM span_index "
            + "ORDER BY received_ns DESC LIMIT " + limit)) {
      List<Long> keys = new ArrayList<>();
      while (rs.next()) keys.add(RecentSpanKeys.key(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      for (int i = keys.size() - 1; i >= 0; i--) recent.add(keys.get(i));
    }
  }

  void start() {
    thread.start();
  }

  void addListener(SpanListener listener) {
    listeners.add(listener);
  }

  /**
   * What of {@code spans} to keep in memory for the listeners until indexed: nothing when none wants
   * spans, payload-free copies when none wants payloads (a request's content is most of its memory),
   * and only its picks for a listener that picks ({@link SpanListener#pick}).
   */
  ListenerSpans forListeners(List<Span> spans) {
    boolean rowsWanted = false;
    boolean payloadWanted = false;
    Map<SpanListener, List<Span>> picked = null;
    for (SpanListener l : listeners) {
      if (!l.wantsSpans()) continue;
      List<Span> picks = pick(l, spans);
      if (picks == null) {
        rowsWanted = true;
        payloadWanted |= l.wantsPayload();
        continue;
      }
      if (picked == null) picked = new IdentityHashMap<>(2);
      picked.put(l, l.wantsPayload() ? picks : slim(picks));
    }
    if (!rowsWanted && picked == null) return null;
    return new ListenerSpans(rowsWanted ? (payloadWanted ? spans : slim(spans)) : null,
        picked == null ? Map.of() : picked);
  }

  /** A listener that fails to pick is told every span instead: it never fails the request. */
  private static List<Span> pick(SpanListener l, List<Span> spans) {
    try {
      return l.pick(spans);
    } catch (RuntimeException e) {
      LOG.warn("span listener {} failed to pick; it will be told every span", l, e);
      return null;
    }
  }

  private static List<Span> slim(List<Span> spans) {
    List<Span> slim = new ArrayList<>(spans.size());
    for (Span s : spans) slim.add(s.withoutPayload());
    return slim;
  }

  /** Counted before the log append so load shedding sees work the moment it is accepted. */
  void reserve(int rows) {
    pendingRows.addAndGet(rows);
  }

  void release(int rows) {
    pendingRows.addAndGet(-rows);
  }

  /** Called by the log writer, in log order, once the block is durable. */
  void submit(IndexWork work) {
    queue.add(work);
  }

  long pendingRows() {
    return pendingRows.get();
  }

  long indexedSpans() {
    return indexedSpans.get();
  }

  long duplicateSpans() {
    return duplicateSpans.get();
  }

  /**
   * Held by rollup compaction and by retention's transaction: both delete rollup rows, and DuckDB
   * fails one of two transactions deleting the same rows.
   */
  Object rollupLock() {
    return compaction;
  }

  String lastError() {
    return lastError;
  }

  /** Blocks until everything accepted so far is indexed (tests, shutdown). */
  void awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    waiters.incrementAndGet(); // someone waits: index what is there without lingering
    try {
      synchronized (idle) {
        while (pendingRows.get() > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) throw new IllegalStateException(pendingRows.get() + " rows still not indexed");
          idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
      }
    } finally {
      waiters.decrementAndGet();
    }
  }

  private void run() {
    List<IndexWork> group = new ArrayList<>();
    int lastGroupRows = 0;
    while (running || !queue.isEmpty()) {
      try {
        IndexWork first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          compact();
          continue;
        }
        group.add(first);
        int rows = first.rows();
        // A quiet store indexes within ~200 ms; a busy one (the last group was large) gathers a row group.
        long lingerUntil = System.nanoTime() + (lastGroupRows >= ROW_GROUP / 4 ? BACKLOG_LINGER_NANOS : LINGER_NANOS);
        while (rows < MAX_GROUP_ROWS) {
          IndexWork more = queue.poll();
          if (more == null) {
            if (!running || waiters.get() > 0 || rows >= ROW_GROUP || System.nanoTime() > lingerUntil) break;
            more = queue.poll(2, TimeUnit.MILLISECONDS);
            if (more == null) continue;
          }
          group.add(more);
          rows += more.rows();
        }
        lastGroupRows = rows;
        indexWithRetry(group);
        if (compaction.pendingRows() >= COMPACT_ROWS) compact();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        group.clear();
      }
    }
    compact(); // the next start finds the rollups merged
  }

  /** A failed compaction is logged and retried later: the partial rows it would merge stay correct. */
  private void compact() {
    if (compaction.pendingRows() == 0 || System.nanoTime() < nextCompaction) return;
    try {
      synchronized (compaction) {
        compaction.compact(conn);
      }
    } catch (SQLException | RuntimeException e) {
      nextCompaction = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      LOG.warn("rollup compaction failed; partial rows stay until the next attempt in a minute", e);
    }
  }

  private void indexWithRetry(List<IndexWork> group) throws InterruptedException {
    long backoff = 100;
    while (true) {
      try {
        index(group);
        lastError = null;
        return;
      } catch (SQLException | RuntimeException e) {
        lastError = e.getMessage();
        LOG.error("indexing {} blocks failed; retrying in {} ms", group.size(), backoff, e);
        if (!running) return;
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  private void index(List<IndexWork> group) throws SQLException {
    Set<Long> fresh = markDuplicates(group);
    transaction.write(group);
    for (long key : fresh) recent.add(key);
    int rows = 0;
    for (IndexWork w : group) {
      rows += w.rows();
      indexedSpans.addAndGet(w.spans().liveRows());
    }
    synchronized (idle) {
      pendingRows.addAndGet(-rows);
      idle.notifyAll();
    }
    notifyListeners(group);
  }

  /** Marks rows already stored (or repeated within this group) as skipped; returns the new keys. */
  private Set<Long> markDuplicates(List<IndexWork> group) {
    Set<Long> fresh = new HashSet<>();
    int duplicates = 0;
    for (IndexWork w : group) {
      SpanBatch b = w.spans();
      for (int i = 0; i < b.size; i++) {
        long key = RecentSpanKeys.key(b.projectId, b.traceHi.values[i], b.traceLo.values[i], b.spanId.values[i]);
        boolean dup = recent.contains(key) || !fresh.add(key);
        b.skip[i] = dup;
        if (dup) duplicates++;
      }
    }
    duplicateSpans.addAndGet(duplicates);
    return fresh;
  }

  private void notifyListeners(List<IndexWork> group) {
    if (listeners.isEmpty()) return;
    for (IndexWork w : group) {
      SpanBatch rows = w.spans();
      if (rows.size == 0) continue;
      ListenerSpans held = w.listenerSpans();
      List<Span> perRow = held == null ? null : held.perRow();
      List<Span> stored = perRow == null ? List.of() : new ArrayList<>(rows.size);
      boolean anyNew = false;
      for (int i = 0; i < rows.size; i++) {
        if (rows.skip[i]) continue;
        anyNew = true;
        if (perRow != null) stored.add(perRow.get(i));
      }
      for (SpanListener l : listeners) {
        List<Span> told = List.of();
        if (l.wantsSpans()) {
          List<Span> picks = held == null ? null : held.picked().get(l);
          if (picks != null) {
            if (!anyNew) continue;
            told = picks;
          } else if (perRow != null) {
            told = stored;
          } else {
            continue; // registered after this block was accepted
          }
        }
        try {
          l.onStored(w.projectId(), told);
        } catch (Throwable t) {
          LOG.warn("span listener {} failed", l, t);
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
