package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.sampling.Sampler;
import dev.vigil.server.scoring.sampling.StratumCounts;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.SpanFeed;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One pass over the next page of a project's spans: pick the subjects each scorecard judges, sample
 * them, evaluate, then write the scores and advance the cursor together with the sampling state and
 * the failures in one commit: a crash before it replays the page, and scores are idempotent anyway.
 *
 * <p>The commit runs on a writer thread of its own while the caller goes on to read and evaluate the
 * next page: the two had taken turns on the pipeline's thread. At most one commit is in flight, and a
 * page's commit is only handed over once the previous one succeeded ({@link #settle()}), so commits
 * stay in log order; when one fails, the pages after it are dropped with it and the caller re-reads
 * the committed checkpoint ({@link CommitFailed}), which replays them.
 */
final class PageScorer implements AutoCloseable {
  private final Storage storage;
  private final Evaluations evaluations;
  private final int batchSpans;
  private final ExecutorService writer;
  private Future<?> pending; // the commit in flight, touched on the pipeline's thread only
  private long pendingProject;

  PageScorer(Storage storage, Evaluations evaluations, int batchSpans, ThreadCpu threadCpu) {
    this.writer = Executors.newSingleThreadExecutor(threadCpu.counting(Thread.ofPlatform().name("vigil-scoring-writer").daemon().factory()));
    this.storage = storage;
    this.evaluations = evaluations;
    this.batchSpans = batchSpans;
  }

  /** What one pass did; {@code spansRead} 0 means the project is caught up. */
  record Pass(ScoringCheckpoint checkpoint, int spansRead, int scores, int failures) {}

  /** What a committed page wrote: told on the writer thread once its commit succeeded. */
  interface Committed {
    void committed(long projectId, int scores, int failures);
  }

  /** A page's commit failed: the checkpoint of {@code projectId} in memory is ahead of the stored one. */
  static final class CommitFailed extends RuntimeException {
    final long projectId;

    CommitFailed(long projectId, Throwable cause) {
      super("committing scores of project " + projectId + ": " + cause, cause);
      this.projectId = projectId;
    }
  }

  /**
   * Reads, samples and evaluates the next page, then hands its commit to the writer. The returned
   * checkpoint is where the next page starts; it is stored once {@link #settle()} returns after it.
   */
  Pass run(long projectId, ScoringCheckpoint from, List<Scorecard> cards, long nowNanos, Committed committed) {
    SpanFeed page = storage.scoringStore().spansAfter(projectId, from.cursor(), batchSpans);
    if (page.spans().isEmpty()) return new Pass(from, 0, 0, 0);
    StratumCounts counts = StratumCounts.parse(from.state());
    Set<String> names = new HashSet<>();
    cards.forEach(c -> names.add(c.name()));
    counts.retain(names);
    List<Job> jobs = jobs(projectId, page.spans(), cards, counts);
    Evaluations.Done done = evaluations.run(projectId, jobs, nowNanos);
    ScoringCheckpoint next = new ScoringCheckpoint(page.nextCursor(), counts.toJson(), nowNanos);
    settle(); // the previous page's commit: this one must not land if that one did not
    try {
      pending = writer.submit(() -> {
        storage.scoringStore().commit(projectId, next, done.scores(), done.failures(), List.of());
        committed.committed(projectId, done.scores().size(), done.failures().size());
      });
      pendingProject = projectId;
    } catch (RejectedExecutionException e) {
      throw new CommitFailed(projectId, e); // stopping
    }
    return new Pass(next, page.spans().size(), done.scores().size(), done.failures().size());
  }

  /** Waits for the commit in flight, if any. @throws CommitFailed when it failed */
  void settle() {
    Future<?> f = pending;
    if (f == null) return;
    pending = null;
    try {
      f.get();
    } catch (ExecutionException e) {
      throw new CommitFailed(pendingProject, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(false);
      throw new CommitFailed(pendingProject, e);
    }
  }

  /** Lets the commit in flight finish (a restart would replay it otherwise), then stops the writer. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Job> jobs(long projectId, List<Span> spans, List<Scorecard> cards, StratumCounts counts) {
    List<Job> jobs = new ArrayList<>();
    Map<String, List<Span>> traces = new HashMap<>();
    Map<String, Boolean> negative = new HashMap<>(); // asked only for a negative_feedback rule that would take the subject
    java.util.function.Predicate<String> hasNegativeFeedback = id -> negative.computeIfAbsent(id,
        t -> NegativeFeedback.any(storage.signalStore().feedback(projectId, t)));
    for (Span span : spans) {
      for (Scorecard card : cards) {
        if (!card.appliesTo(span.feature())) continue;
        Subject subject;
        if (card.target() == Scorecard.Target.LLM_CALL) {
          if (!Subject.isCall(span)) continue;
          subject = Subject.ofCall(span);
        } else {
          if (!span.isRoot()) continue;
          subject = Subject.ofTrace(span, traces.computeIfAbsent(span.traceId(),
              id -> storage.spanStore().getTrace(projectId, id)));
        }
        Sampler.Decision d = Sampler.decide(card.name(), card.sampling(), subject, counts, hasNegativeFeedback);
        if (!d.sampled()) continue;
        for (Scorecard.Metric m : card.metrics()) jobs.add(new Job(card, m, subject, d.reason(), null));
      }
    }
    return jobs;
  }
}
