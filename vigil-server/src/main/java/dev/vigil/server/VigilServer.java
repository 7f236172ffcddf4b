package dev.vigil.server;

import dev.vigil.model.Project;
import dev.vigil.server.alert.Alerting;
import dev.vigil.server.watch.change.ChangeDetector;
import dev.vigil.server.alert.AlertsFile;
import dev.vigil.server.alert.digest.DigestSchedule;
import dev.vigil.server.alert.notify.SmtpSettings;
import dev.vigil.server.auth.ApiKeys;
import dev.vigil.server.auth.SignIn;
import dev.vigil.server.config.VigilConfig;
import dev.vigil.server.http.HttpApi;
import dev.vigil.server.ingest.IngestPacing;
import dev.vigil.server.ingest.IngestService;
import dev.vigil.server.ingest.cost.PriceTable;
import dev.vigil.server.scoring.ScoringService;
import dev.vigil.server.scoring.judge.JudgeSettings;
import dev.vigil.server.scoring.pipeline.ScoringSettings;
import dev.vigil.storage.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand wiring of one Vigil process: storage, ingest, HTTP, background jobs. The only class that
 * knows every part. On a new data directory it creates the first project and its API key.
 */
public final class VigilServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VigilServer.class);

  private final DuckDbStorage storage;
  private final HttpApi http;
  private final ApiKeys keys;
  private final ScheduledExecutorService jobs;
  private final ScoringService scoring;
  private final Alerting alerting;
  private final java.util.concurrent.ExecutorService changeDetection;
  private final int port;
  private final String firstKey;
  private final long firstProjectId;

  private VigilServer(VigilConfig config, Clock clock) {
    Path dataDir = config.dataDir().toAbsolutePath();
    byte[] secret = installationSecret(dataDir);
    VigilConfig.StorageOptions options = config.storage();
    storage = DuckDbStorage.builder(dataDir).clock(clock).memoryLimit(options.memoryLimit())
        .maxPendingRows(options.maxPendingSpans()).threads(options.threads()).build();
    try {
      PrometheusMeterRegistry registry = metrics(storage);
      keys = new ApiKeys(storage.projectStore(), clock);
      SignIn signIn = new SignIn(storage.accountStore(), clock, Duration.ofHours(config.sessionTtlHours()));
      Bootstrap boot = bootstrap(config);
      bootstrapAdmin(config, signIn);
      firstKey = boot.key;
      firstProjectId = boot.projectId;
      // new models, prompt versions and releases in spans become change events, off the storage thread
      changeDetection = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("vigil-changes").daemon().factory());
      storage.addListener(new ChangeDetector(storage.monitorStore(), storage.signalStore(), changeDetection));
      IngestService ingest = new IngestService(storage, PriceTable.loadDefault(), config.piiDefaultRegion(), secret, registry);
      scoring = new ScoringService(storage, scoringSettings(config), registry, clock);
      scoring.start();
      ingest.onFeedback(scoring::feedbackStored);
      ingest.paceBy(new IngestPacing(config.scoring().maxLagSeconds(), pacingSignals(ingest, scoring), System::nanoTime,
          Duration.ofSeconds(5), registry));
      alerting = alerting(config, storage, clock);
      try {
        http = new HttpApi(config, storage, keys, signIn, ingest, scoring, alerting, registry, clock);
        port = http.start();
      } catch (RuntimeException e) {
        scoring.close();
        alerting.close();
        changeDetection.shutdownNow();
        throw e;
      }
      jobs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-jobs").daemon().factory());
      Retention retention = new Retention(storage, clock);
      jobs.scheduleWithFixedDelay(retention::run, 1, config.retentionCheckIntervalMinutes(), TimeUnit.MINUTES);
      jobs.scheduleWithFixedDelay(() -> purgeSessions(signIn), 1, 60, TimeUnit.MINUTES);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  public static VigilServer start(VigilConfig config, Clock clock) {
    return new VigilServer(config, clock);
  }

  public int port() {
    return port;
  }

  public DuckDbStorage storage() {
    return storage;
  }

  /** A usable key for the first project: the one created at first start, or a fresh one. */
  public String keyForFirstProject(String purpose) {
    return firstKey != null ? firstKey : keys.create(firstProjectId, purpose, false).secret();
  }

  @Override
  public void close() {
    jobs.shutdownNow();
    http.close();
    alerting.close();
    scoring.close();
    changeDetection.shutdown(); // what is queued still runs; what the store indexes while closing runs on its thread
    try {
      changeDetection.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.close();
  }

  private static IngestPacing.Signals pacingSignals(IngestService ingest, ScoringService scoring) {
    MachineCpu cpu = new MachineCpu();
    return new IngestPacing.Signals() {
      @Override public double lagSeconds() { return scoring.lagSeconds(); }
      @Override public double cpuLoad() { return cpu.load(); }
      @Override public IngestPacing.ScoringCpu scoringCpu() {
        var r = scoring.cpu();
        return new IngestPacing.ScoringCpu(r.running(), r.waiting());
      }
      @Override public long spansScored() { return scoring.spansRead(); }
      @Override public long spansIngested() { return ingest.acceptedSpans(); }
    };
  }

  private static ScoringSettings scoringSettings(VigilConfig config) {
    VigilConfig.Scoring s = config.scoring();
    java.util.Map<String, JudgeSettings> judges = new java.util.LinkedHashMap<>();
    s.judges().forEach((name, j) -> judges.put(name, new JudgeSettings(name, j.baseUrl(), j.model(), j.apiKey(),
        j.inputUsdPerMTok(), j.outputUsdPerMTok(), java.time.Duration.ofMillis(j.timeoutMs()), j.maxOutputTokens())));
    return new ScoringSettings(s.enabled(), s.workers(), java.time.Duration.ofMillis(s.evaluatorTimeoutMs()), s.maxAttempts(),
        java.time.Duration.ofSeconds(s.retryBackoffSeconds()), s.batchSpans(), s.scorecardsDir(), config.piiDefaultRegion(),
        s.pluginsDir(), judges, s.judgeDailyBudgetUsd());
  }

  /** Alerting with the rules file's rules and channels, if any, plus API rules; a bad file stops start-up. */
  private static Alerting alerting(VigilConfig config, DuckDbStorage storage, Clock clock) {
    VigilConfig.Alerting a = config.alerting();
    AlertsFile file = a.rulesFile() == null ? AlertsFile.EMPTY : AlertsFile.load(a.rulesFile(), System::getenv);
    SmtpSettings smtp = a.smtpHost() == null ? null
        : new SmtpSettings(a.smtpHost(), a.smtpPort(), a.smtpFrom(), a.smtpUsername(), a.smtpPassword(), a.smtpStartTls());
    return new Alerting(storage, file, smtp, clock, a.publicUrl(), Duration.ofSeconds(a.intervalSeconds()),
        new DigestSchedule(a.digest().channels(), a.digest().day(), a.digest().hour()));
  }

  private record Bootstrap(long projectId, String key) {}

  private Bootstrap bootstrap(VigilConfig config) {
    var projects = storage.projectStore().listProjects();
    if (!projects.isEmpty()) {
      if (config.initApiKey() != null && !keys.exists(config.initApiKey())) {
        LOG.warn("VIGIL_INIT_API_KEY is set but the data directory already has projects; it only applies to a new one");
      }
      return new Bootstrap(projects.get(0).id(), null);
    }
    Project project = storage.projectStore().createProject("default", null);
    ApiKeys.Created key = config.initApiKey() != null
        ? keys.createWithSecret(project.id(), "initial", config.initApiKey(), true)
        : keys.create(project.id(), "initial", true);
    if (config.initApiKey() == null) {
      System.out.println("Created project 'default' with an admin API key (shown once, keep it):");
      System.out.println("  " + key.secret());
    } else {
      LOG.info("created project 'default' with the API key from VIGIL_INIT_API_KEY");
    }
    return new Bootstrap(project.id(), key.secret());
  }

  /** First start: the web UI's admin user, its password from admin_password or generated and shown once. */
  private static void bootstrapAdmin(VigilConfig config, SignIn signIn) {
    Optional<String> generated = signIn.bootstrapAdmin(config.adminPassword());
    if (generated.isPresent()) {
      System.out.println("Created user '" + SignIn.ADMIN + "' for the web UI with this password (shown once, keep it):");
      System.out.println("  " + generated.get());
    } else if (config.adminPassword() != null && !signIn.matches(SignIn.ADMIN, config.adminPassword())) {
      LOG.warn("VIGIL_ADMIN_PASSWORD is set but the web UI already has users; it only applies to a new data directory");
    }
  }

  private static void purgeSessions(SignIn signIn) {
    try {
      signIn.purgeExpired();
    } catch (RuntimeException e) { // a failed purge must not cancel the schedule
      LOG.warn("could not remove expired web UI sessions: {}", e.getMessage());
    }
  }

  private static PrometheusMeterRegistry metrics(DuckDbStorage storage) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Gauge.builder("vigil.storage.pending.rows", storage, s -> s.stats().pendingRows())
        .description("Rows durable in the log but not yet indexed").register(registry);
    Gauge.builder("vigil.storage.indexed.spans", storage, s -> s.stats().indexedSpans())
        .description("Spans indexed since start").register(registry);
    Gauge.builder("vigil.storage.duplicate.spans", storage, s -> s.stats().duplicateSpans())
        .description("Re-sent spans dropped since start").register(registry);
    Gauge.builder("vigil.storage.log.queued.bytes", storage, s -> s.stats().logQueuedBytes())
        .description("Bytes waiting for the log writer").register(registry);
    return registry;
  }

  /** 32 random bytes kept in the data directory; keys PII hashing so hashes are not guessable. */
  static byte[] installationSecret(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve("secret.key");
      if (Files.exists(file)) return Files.readAllBytes(file);
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Path tmp = dataDir.resolve("secret.key.tmp");
      Files.write(tmp, secret);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the installation secret in " + dataDir, e);
    }
  }

}
