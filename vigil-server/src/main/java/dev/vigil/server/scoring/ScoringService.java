package dev.vigil.server.scoring;

import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.server.scoring.judge.JudgePanel;
import dev.vigil.server.scoring.plugin.Plugins;
import dev.vigil.server.scoring.pipeline.ScoringPipeline;
import dev.vigil.server.scoring.pipeline.ScoringSettings;
import dev.vigil.server.scoring.pipeline.ThreadCpu;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardFiles;
import dev.vigil.server.scoring.scorecard.ScorecardParser;
import dev.vigil.server.scoring.scorecard.ScorecardRegistry;
import dev.vigil.server.scoring.scorecard.ScorecardWatcher;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.JudgeSpendStore;
import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.ScoringTask;
import dev.vigil.storage.SpanListener;
import dev.vigil.storage.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scoring as the rest of the server sees it: a storage listener that only wakes the pipeline (the
 * span log is the queue, so nothing is lost when the process dies), the scorecards in force, and a
 * status per project for the API.
 */
public final class ScoringService implements SpanListener, AutoCloseable {
  /** How often edited scorecard files are picked up. */
  public static final Duration RELOAD_INTERVAL = Duration.ofSeconds(2);

  private final Storage storage;
  private final ScoringSettings settings;
  private final ScorecardRegistry scorecards;
  private final ScorecardFiles files;
  private ScorecardWatcher watcher;
  private final ScoringPipeline pipeline;
  private final Clock clock;

  /** @throws dev.vigil.server.scoring.scorecard.ScorecardException when a scorecard file is invalid */
  public ScoringService(Storage storage, ScoringSettings settings, MeterRegistry metrics, Clock clock) {
    this.storage = storage;
    this.settings = settings;
    this.clock = clock;
    JudgePanel judges = new JudgePanel(settings.judges(), settings.judgeDailyBudgetUsd(), storage.judgeSpendStore(), metrics, clock);
    Plugins plugins = Plugins.load(settings.pluginsDir());
    ScorecardParser parser = new ScorecardParser(new Evaluators(settings.phoneRegion(),
        Map.of("llm_judge", judges::evaluator, "custom", plugins::evaluator)));
    this.files = new ScorecardFiles(settings.scorecardsDir(), parser, clock);
    this.scorecards = new ScorecardRegistry(storage.scoringStore(), parser, files::current, clock);
    this.pipeline = new ScoringPipeline(storage, scorecards, settings, metrics, clock);
  }

  /** How long the oldest span not yet read by scoring has waited, over all projects. */
  public double lagSeconds() {
    return pipeline.lagSeconds();
  }

  /** Thread-seconds a second the scoring threads ran and waited for a CPU since the previous call. */
  public ThreadCpu.Reading cpu() {
    return pipeline.cpu();
  }

  /** Spans the pipeline has read since start, over all projects. */
  public long spansRead() {
    return pipeline.spansRead();
  }

  /** Starts reading and scoring; spans stored while it was off are scored now. */
  public void start() {
    storage.addListener(this);
    pipeline.start();
    watcher = new ScorecardWatcher(files, scorecards, RELOAD_INTERVAL);
  }

  /** Re-reads the scorecards directory now (the watcher does so every {@link #RELOAD_INTERVAL}). */
  public boolean reloadFiles() {
    boolean changed = files.poll();
    if (changed) scorecards.filesChanged();
    return changed;
  }

  @Override
  public void onStored(long projectId, List<Span> spans) {
    pipeline.wake();
  }

  /** Feedback was stored: negative feedback may make a {@code negative_feedback} rule score its trace. */
  public void feedbackStored(long projectId, List<dev.vigil.model.Feedback> feedback) {
    pipeline.feedbackStored(projectId, feedback);
  }

  /** Scoring reads spans from the log itself; storage need not keep them in memory for it. */
  @Override
  public boolean wantsSpans() {
    return false;
  }

  public ScorecardRegistry scorecards() {
    return scorecards;
  }

  public List<ScoringTask> deadLetters(long projectId, int limit) {
    return storage.scoringStore().deadLetters(projectId, limit);
  }

  public ScoringStatus status(long projectId) {
    ScoringStore store = storage.scoringStore();
    String cursor = store.checkpoint(projectId).map(ScoringCheckpoint::cursor).orElse(null);
    ScoringStore.Backlog backlog = store.backlog(projectId, cursor);
    ScoringStore.TaskCounts tasks = store.taskCounts(projectId);
    long now = clock.millis();
    double lag = backlog.oldestStoredEpochNanos() == null ? 0 : Math.max(0, now - backlog.oldestStoredEpochNanos() / 1_000_000) / 1000.0;
    List<ScoringStatus.Card> cards = scorecards.forProject(projectId).stream().map(ScoringService::card).toList();
    ScoringPipeline.Totals totals = pipeline.totals(projectId);
    java.time.LocalDate today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    JudgeSpendStore.Spend spent = storage.judgeSpendStore().spent(projectId, today);
    ScoringStatus.JudgeSpend judgeSpend = new ScoringStatus.JudgeSpend(today, spent.calls(), spent.inputTokens(),
        spent.outputTokens(), spent.costUsd(), settings.judgeDailyBudgetUsd());
    return new ScoringStatus(settings.enabled(), settings.workers(), cards, cursor, backlog.spans(), lag, tasks.retrying(),
        tasks.dead(), totals.scores(), totals.failures(), files.problems(), judgeSpend);
  }


  private static ScoringStatus.Card card(Scorecard c) {
    return new ScoringStatus.Card(c.name(), c.version(), c.source(), c.features(), c.target().wireName(), c.sampling().rate(),
        c.metrics().stream().map(Scorecard.Metric::name).toList());
  }

  @Override
  public void close() {
    if (watcher != null) watcher.close();
    pipeline.close();
  }
}
