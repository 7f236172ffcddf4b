package dev.vigil.storage.duckdb;

import dev.vigil.storage.AccountStore;
import dev.vigil.storage.AlertRuleStore;
import dev.vigil.storage.AlertStore;
import dev.vigil.storage.CheckResult;
import dev.vigil.storage.DatasetStore;
import dev.vigil.storage.DeliveryStore;
import dev.vigil.storage.MetricStore;
import dev.vigil.storage.MonitorStore;
import dev.vigil.storage.ProjectStore;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.Retention;
import dev.vigil.storage.ReviewStore;
import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.ScoreMetricStore;
import dev.vigil.storage.SignalStore;
import dev.vigil.storage.SpanConsumer;
import dev.vigil.storage.SpanListener;
import dev.vigil.storage.SpanStore;
import dev.vigil.storage.SqlConsole;
import dev.vigil.storage.Storage;
import dev.vigil.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default backend. Spans and their content go to a per-project segment log with group
 * commit (durable before {@link SpanConsumer#accept} returns); an indexer moves their analytic
 * columns into DuckDB in large batches; queries read DuckDB and, for content, the log. Everything
 * lives under one data directory: {@code vigil.duckdb} and {@code log/}.
 */
public final class DuckDbStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbStorage.class);

  private final Database db;
  private final SegmentFiles files;
  private final SegmentReader reader;
  private final Indexer indexer;
  private final GroupCommitLog log;
  private final DuckDbSpanConsumer consumer;
  private final DuckDbSpanStore spanStore;
  private final DuckDbMetricStore metricStore;
  private final DuckDbSampleStore sampleStore;
  private final DuckDbProjectStore projectStore;
  private final DuckDbSignalStore signalStore;
  private final DuckDbScoreMetricStore scoreMetricStore;
  private final DuckDbAccountStore accountStore;
  private final DuckDbDeliveryStore deliveryStore;
  private final DuckDbAlertStore alertStore;
  private final DuckDbMonitorStore monitorStore;
  private final DuckDbAlertRuleStore alertRuleStore;
  private final DuckDbRetention retention;
  private final DuckDbScoringStore scoringStore;
  private final DuckDbReviewStore reviewStore;
  private final DuckDbJudgeSpendStore judgeSpendStore;
  private final DuckDbDatasetStore datasetStore;
  private final SqlConsole sqlConsole;

  private DuckDbStorage(Builder b) throws SQLException, IOException {
    db = new Database(b.dataDir.resolve("vigil.duckdb"), b.memoryLimit, b.threads, b.readerConnections);
    boolean ok = false;
    try {
      LOG.info("DuckDB: {} threads, memory limit {}", setting("threads"), setting("memory_limit"));
      files = new SegmentFiles(b.dataDir.resolve("log"));
      reader = new SegmentReader(files);
      indexer = new Indexer(db.writer(), b.recentSpanKeys);
      indexer.warmUp(Math.min(b.recentSpanKeys, 1_000_000));
      log = new GroupCommitLog(files, b.maxSegmentBytes, indexer::submit);
      indexer.start();
      try (var recoveryConn = db.writer().duplicate()) {
        new LogRecovery(files, recoveryConn, indexer, log).recover();
      }
      log.start();
      consumer = new DuckDbSpanConsumer(log, indexer, b.clock, b.maxPendingRows, b.maxQueuedBytes);
      spanStore = new DuckDbSpanStore(db, reader);
      metricStore = new DuckDbMetricStore(db, b.minRollupSpans);
      sampleStore = new DuckDbSampleStore(db);
      projectStore = new DuckDbProjectStore(db, b.clock);
      ScoreRowsScan scoreRows = new ScoreRowsScan();
      db.register(scoreRows);
      ScoreWriter scoreWriter = new ScoreWriter(db, scoreRows);
      signalStore = new DuckDbSignalStore(db, scoreWriter);
      scoreMetricStore = new DuckDbScoreMetricStore(db);
      accountStore = new DuckDbAccountStore(db);
      deliveryStore = new DuckDbDeliveryStore(db);
      alertStore = new DuckDbAlertStore(db);
      monitorStore = new DuckDbMonitorStore(db);
      alertRuleStore = new DuckDbAlertRuleStore(db);
      retention = new DuckDbRetention(db, files, reader, log, indexer.rollupLock(), scoreWriter);
      scoringStore = new DuckDbScoringStore(db, new LogFeed(db, files, reader), scoreWriter);
      reviewStore = new DuckDbReviewStore(db);
      judgeSpendStore = new DuckDbJudgeSpendStore(db);
      datasetStore = new DuckDbDatasetStore(db);
      Database.Pool consolePool = db.console();
      sqlConsole = new DuckDbSqlConsole(new DuckDbSqlConsole.Connections() {
        @Override
        public java.sql.Connection borrow() {
          return consolePool.take();
        }

        @Override
        public void giveBack(java.sql.Connection connection) {
          consolePool.giveBack(connection);
        }
      }, SqlViews.all());
      ok = true;
    } finally {
      if (!ok) db.close();
    }
  }

  /** A DuckDB setting's current value (the startup log; tests). */
  String setting(String name) throws SQLException {
    return db.setting(name);
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  @Override
  public SpanConsumer spanConsumer() {
    return consumer;
  }

  @Override
  public SpanStore spanStore() {
    return spanStore;
  }

  @Override
  public MetricStore metricStore() {
    return metricStore;
  }

  @Override
  public SampleStore sampleStore() {
    return sampleStore;
  }

  @Override
  public ProjectStore projectStore() {
    return projectStore;
  }

  @Override
  public AccountStore accountStore() {
    return accountStore;
  }

  @Override
  public dev.vigil.storage.JudgeSpendStore judgeSpendStore() {
    return judgeSpendStore;
  }

  @Override
  public SignalStore signalStore() {
    return signalStore;
  }

  @Override
  public ScoreMetricStore scoreMetricStore() {
    return scoreMetricStore;
  }

  @Override
  public DeliveryStore deliveryStore() {
    return deliveryStore;
  }

  @Override
  public AlertStore alertStore() {
    return alertStore;
  }

  @Override
  public MonitorStore monitorStore() {
    return monitorStore;
  }

  @Override
  public AlertRuleStore alertRuleStore() {
    return alertRuleStore;
  }

  @Override
  public SqlConsole sqlConsole() {
    return sqlConsole;
  }

  @Override
  public DatasetStore datasetStore() {
    return datasetStore;
  }

  @Override
  public ScoringStore scoringStore() {
    return scoringStore;
  }

  @Override
  public ReviewStore reviewStore() {
    return reviewStore;
  }

  @Override
  public Retention retention() {
    return retention;
  }

  @Override
  public void addListener(SpanListener listener) {
    indexer.addListener(Objects.requireNonNull(listener, "listener == null"));
  }

  /** Waits until everything acknowledged so far is queryable. */
  public void flush() {
    try {
      indexer.awaitIdle(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while flushing");
    }
  }

  /** Counters for Vigil's own metrics. */
  public Stats stats() {
    return new Stats(indexer.pendingRows(), indexer.indexedSpans(), indexer.duplicateSpans(), log.queuedBytes());
  }

  /** Indexing backlog, totals and the log writer's queue. */
  public record Stats(long pendingRows, long indexedSpans, long duplicateSpans, long logQueuedBytes) {}

  @Override
  public CheckResult check() {
    if (log.lastError() != null) return CheckResult.failed("log write failed: " + log.lastError().getMessage());
    if (indexer.lastError() != null) return CheckResult.failed("indexing failed: " + indexer.lastError());
    try (var lease = db.readers().borrow(); var st = lease.connection().createStatement()) {
      st.execute("SELECT 1");
      return CheckResult.OK;
    } catch (SQLException | RuntimeException e) {
      return CheckResult.failed("database: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    log.close();
    indexer.close();
    reader.close();
    db.close();
    LOG.info("storage closed");
  }

  /** Settings with defaults sized for one machine and an RSS well under 1 GB at benchmark load. */
  public static final class Builder {
    private final Path dataDir;
    private Clock clock = Clock.systemUTC();
    private String memoryLimit = "256MB";
    private int threads = perCore();
    private int readerConnections = 4;
    private long maxPendingRows = 300_000;
    private long maxQueuedBytes = 128L << 20;
    private long maxSegmentBytes = 128L << 20;
    private int recentSpanKeys = 2_000_000;
    /** Below this many spans in a query's whole hours the raw scan is fast and exact (~50 ms). */
    private long minRollupSpans = 500_000;

    Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir == null");
    }

    public Builder clock(Clock v) { clock = Objects.requireNonNull(v, "clock == null"); return this; }
    public Builder memoryLimit(String v) { memoryLimit = Objects.requireNonNull(v, "memoryLimit == null"); return this; }
    /** DuckDB's threads; 0: one per core (the default). */
    public Builder threads(int v) {
      if (v < 0) throw new IllegalArgumentException("threads must not be negative");
      threads = v == 0 ? perCore() : v;
      return this;
    }

    public Builder readerConnections(int v) { readerConnections = positive(v, "readerConnections"); return this; }
    public Builder maxPendingRows(long v) { maxPendingRows = positive(v, "maxPendingRows"); return this; }
    public Builder maxQueuedBytes(long v) { maxQueuedBytes = positive(v, "maxQueuedBytes"); return this; }
    public Builder maxSegmentBytes(long v) { maxSegmentBytes = Math.max(4096, v); return this; }
    public Builder recentSpanKeys(int v) { recentSpanKeys = positive(v, "recentSpanKeys"); return this; }
    /** Metric queries whose whole hours hold at least this many spans are answered from rollups (0: always). */
    public Builder minRollupSpans(long v) { minRollupSpans = Math.max(0, v); return this; }

    public DuckDbStorage build() {
      try {
        return new DuckDbStorage(this);
      } catch (SQLException | IOException e) {
        throw new StorageException("cannot open storage in " + dataDir + ": " + e.getMessage(), e);
      }
    }

    private static int perCore() {
      return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static int positive(int v, String name) {
      if (v < 1) throw new IllegalArgumentException(name + " must be positive");
      return v;
    }

    private static long positive(long v, String name) {
      if (v < 1) throw new IllegalArgumentException(name + " must be positive");
      return v;
    }
  }
}
