package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Project;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardRegistry;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.Storage;
import dev.vigil.util.EpochNanos;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring loop, on one thread: for each project, read the next page after its cursor and score
 * it (evaluations fan out to the worker pool), then run the failed evaluations whose retry is due.
 * It sleeps when every project is caught up and wakes when storage reports new spans, or after a
 * second. Reading happens in log order on this thread alone, which is what makes sampling decisions
 * repeatable. Backlog, lag and task counts are refreshed here for the gauges, at most once a second.
 */
public final class ScoringPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScoringPipeline.class);
  private static final long IDLE_MILLIS = 1000;
  private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
  /**
   * How often a project without scorecards has its cursor moved to the head: a scorecard added later
   * scores at most this much older traffic. Each move is a commit, and under sustained ingest a commit
   * waits for the indexer's, spinning in DuckDB: once a second cost up to 8 % of the server's CPU.
   */
  private static final long SKIP_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final Storage storage;
  private final ScorecardRegistry scorecards;
  private final ScoringSettings settings;
  private final Clock clock;
  private final EvaluationRunner runner;
  private final PageScorer pages;
  private final Retrier retrier;
  private final Counter spansRead;
  private final ThreadCpu threadCpu = new ThreadCpu(System::nanoTime);
  private final Thread thread;
  private final Object signal = new Object();
  private final Map<Long, ScoringCheckpoint> checkpoints = new ConcurrentHashMap<>();
  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
  private volatile boolean running = true;
  private boolean woken;
  private long lastError;
  private List<Project> projects;
  private long projectsReadAt;

  /** Evaluations since start, per project. */
  public record Totals(long scores, long failures) {}

  private static final class Progress {
    final AtomicLong scores = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    volatile long backlog;
    volatile double lagSeconds;
    volatile long retrying;
    volatile long dead;
    long skippedAt = Long.MIN_VALUE / 2; // System.nanoTime() of the last move to the head
    long refreshedAt = Long.MIN_VALUE / 2; // halved: "tick - MIN_VALUE" overflows and would never be due
    long retriedAt = Long.MIN_VALUE / 2;
  }

  public ScoringPipeline(Storage storage, ScorecardRegistry scorecards, ScoringSettings settings, MeterRegistry metrics,
      Clock clock) {
    this.storage = storage;
    this.scorecards = scorecards;
    this.settings = settings;
    this.clock = clock;
    this.runner = new EvaluationRunner(settings.workers(), settings.evaluatorTimeout(), threadCpu);
    Evaluations evaluations = new Evaluations(runner, settings, metrics);
    this.pages = new PageScorer(storage, evaluations, settings.batchSpans(), threadCpu);
    this.retrier = new Retrier(storage, scorecards, evaluations);
    this.spansRead = Counter.builder("vigil.scoring.spans.read").description("Spans the scoring pipeline has read").register(metrics);
    Gauge.builder("vigil.scoring.backlog.spans", progress, p -> p.values().stream().mapToLong(x -> x.backlog).sum())
        .description("Spans stored but not yet read by scoring").register(metrics);
    Gauge.builder("vigil.scoring.lag.seconds", this, ScoringPipeline::lagSeconds)
        .description("How long the oldest span not yet read by scoring has waited").register(metrics);
    Gauge.builder("vigil.scoring.tasks", progress, p -> p.values().stream().mapToLong(x -> x.retrying).sum()).tag("state", "retrying")
        .description("Failed evaluations waiting for a retry, or dead").register(metrics);
    Gauge.builder("vigil.scoring.tasks", progress, p -> p.values().stream().mapToLong(x -> x.dead).sum()).tag("state", "dead")
        .description("Failed evaluations waiting for a retry, or dead").register(metrics);
    this.thread = threadCpu.counting(Thread.ofPlatform().name("vigil-scoring").daemon().factory()).newThread(this::run);
  }

  public void start() {
    if (settings.enabled()) thread.start();
    else LOG.info("scoring is off (scoring.enabled=false): spans are kept for scoring once it is on");
  }

  /** New spans are stored: score them soon. Called on the storage's thread, so it only signals. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /**
   * Feedback was stored: queue the subjects of negatively rated traces that a scorecard's
   * {@code negative_feedback} rule now takes (durable tasks the retry pass runs soon), and wake up.
   * Only reads and one small write here; the evaluations run on the pipeline's threads.
   */
  public void feedbackStored(long projectId, List<dev.vigil.model.Feedback> feedback) {
    if (!NegativeFeedback.any(feedback)) return;
    List<dev.vigil.storage.ScoringTask> tasks = NegativeFeedback.tasks(storage, projectId, feedback,
        scorecards.forProject(projectId), EpochNanos.of(clock.instant()));
    if (tasks.isEmpty()) return;
    storage.scoringStore().updateTasks(projectId, List.of(), tasks, List.of());
    wake();
  }

  /** How long the oldest span not yet read by scoring has waited, over all projects (refreshed about once a second). */
  public double lagSeconds() {
    double max = 0;
    for (Progress p : progress.values()) max = Math.max(max, p.lagSeconds);
    return max;
  }

  /**
   * What the scoring threads did since the previous call: busy and waiting for a CPU when scoring is
   * short of it, mostly asleep when its lag is a slow judge's.
   */
  public ThreadCpu.Reading cpu() {
    return threadCpu.read();
  }

  /** Spans read since start, over all projects. */
  public long spansRead() {
    return (long) spansRead.count();
  }

  public Totals totals(long projectId) {
    Progress p = progress.get(projectId);
    return p == null ? new Totals(0, 0) : new Totals(p.scores.get(), p.failures.get());
  }

  private void run() {
    try {
      while (running) {
        boolean busy = false;
        try {
          for (Project project : projects()) {
            if (!running) break;
            busy |= pass(project.id());
          }
          if (!busy) pages.settle(); // caught up: the last page is stored before sleeping
        } catch (RuntimeException e) {
          forgetUncommitted(e);
          failed(e);
        }
        if (!busy) idle();
      }
    } finally {
      try {
        pages.settle();
      } catch (RuntimeException e) {
        LOG.warn("scoring: the last page's commit failed; it is scored again after a restart: {}", e.toString());
      }
    }
  }

  /** A page's commit failed: what this thread holds of that project's checkpoint is ahead of the store. */
  private void forgetUncommitted(RuntimeException e) {
    if (e instanceof PageScorer.CommitFailed f) checkpoints.remove(f.projectId);
  }

  /** The project list, read at most once a second: a busy loop would otherwise ask for it every page. */
  private List<Project> projects() {
    long tick = System.nanoTime();
    if (projects == null || tick - projectsReadAt >= REFRESH_NANOS) {
      projects = storage.projectStore().listProjects();
      projectsReadAt = tick;
    }
    return projects;
  }

  /** @return true when there may be more to read right away */
  private boolean pass(long projectId) {
    Progress p = progress.computeIfAbsent(projectId, k -> new Progress());
    long now = EpochNanos.of(clock.instant());
    List<Scorecard> cards = scorecards.forProject(projectId);
    ScoringCheckpoint from = checkpoints.computeIfAbsent(projectId,
        id -> storage.scoringStore().checkpoint(id).orElse(new ScoringCheckpoint(null, null, 0)));
    if (cards.isEmpty()) {
      p.backlog = 0; // nothing waits for a scorecard that is not there: no lag either
      p.lagSeconds = 0;
      long tick = System.nanoTime();
      if (tick - p.skippedAt < SKIP_NANOS) return false; // not on every wake-up
      p.skippedAt = tick;
      return skipToHead(projectId, from, now);
    }
    PageScorer.Pass pass;
    try {
      pass = pages.run(projectId, from, cards, now, this::committed);
    } catch (RuntimeException e) {
      checkpoints.remove(projectId); // re-read what was committed; the page is tried again
      throw e;
    }
    checkpoints.put(projectId, pass.checkpoint());
    spansRead.increment(pass.spansRead());
    long tick = System.nanoTime();
    if (tick - p.retriedAt >= REFRESH_NANOS) {
      p.retriedAt = tick;
      retrier.run(projectId, now);
    }
    if (tick - p.refreshedAt >= REFRESH_NANOS || pass.spansRead() == 0) refresh(projectId, p, pass.checkpoint(), tick);
    return pass.spansRead() > 0;
  }

  /** On the writer thread: a page's scores are stored. */
  private void committed(long projectId, int scores, int failures) {
    Progress p = progress.computeIfAbsent(projectId, k -> new Progress());
    p.scores.addAndGet(scores);
    p.failures.addAndGet(failures);
  }

  /**
   * Nothing to score for the project: move its cursor past what is stored without reading the log (a
   * scorecard added later scores traffic from then on). Never more to do at once.
   */
  private boolean skipToHead(long projectId, ScoringCheckpoint from, long now) {
    pages.settle(); // a page of this project may still be committing: its cursor must not land after this one
    String head = storage.scoringStore().head(projectId);
    if (head != null && !head.equals(from.cursor())) {
      ScoringCheckpoint at = new ScoringCheckpoint(head, from.state(), now);
      storage.scoringStore().commit(projectId, at, List.of(), List.of(), List.of());
      checkpoints.put(projectId, at);
    }
    return false;
  }

  private void refresh(long projectId, Progress p, ScoringCheckpoint at, long tick) {
    if (tick - p.refreshedAt < REFRESH_NANOS) return;
    p.refreshedAt = tick;
    ScoringStore store = storage.scoringStore();
    ScoringStore.Backlog backlog = store.backlog(projectId, at.cursor());
    p.backlog = backlog.spans();
    p.lagSeconds = backlog.oldestStoredEpochNanos() == null ? 0
        : Math.max(0, EpochNanos.of(clock.instant()) - backlog.oldestStoredEpochNanos()) / 1e9;
    ScoringStore.TaskCounts tasks = store.taskCounts(projectId);
    p.retrying = tasks.retrying();
    p.dead = tasks.dead();
  }

  private void idle() {
    synchronized (signal) {
      if (!woken && running) {
        try {
          signal.wait(IDLE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  /** Logged at most once a minute; the loop backs off a second and tries again. */
  private void failed(RuntimeException e) {
    long now = System.nanoTime();
    if (now - lastError > TimeUnit.MINUTES.toNanos(1) || lastError == 0) {
      lastError = now;
      LOG.warn("scoring pass failed; retrying: {}", e.toString(), e);
    }
    synchronized (signal) {
      try {
        signal.wait(IDLE_MILLIS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    wake();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runner.close();
    pages.close();
  }
}
