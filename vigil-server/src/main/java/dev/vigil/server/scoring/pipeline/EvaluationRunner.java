package dev.vigil.server.scoring.pipeline;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.RetryLaterException;
import dev.vigil.server.scoring.eval.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs evaluations on a fixed number of worker threads, each isolated: an evaluator that throws
 * fails only its own evaluation, and one that runs past the timeout is failed at the timeout and
 * interrupted (the rule evaluators stop when interrupted), so a slow evaluator never holds up the
 * others' results. The timeout counts from when an evaluation starts, not from when it was queued.
 *
 * <p>Cheap evaluations ({@link Evaluator#cheap()}: the deterministic rules, microseconds each) run
 * in batches, one worker task and one watchdog entry a batch: a task and a watchdog entry per
 * evaluation had cost more than the rules themselves. Within a batch every evaluation still has its
 * own timeout and its own result. Any other evaluation (an LLM judge, embeddings) is a batch of one.
 */
final class EvaluationRunner implements AutoCloseable {
  /** Evaluations a batch of cheap ones holds at most: enough to amortise, small enough to share out. */
  static final int BATCH = 64;

  private final ExecutorService pool;
  private final ScheduledExecutorService watchdog;
  private final Duration timeout;
  private final int workers;

  EvaluationRunner(int workers, Duration timeout, ThreadCpu threadCpu) {
    this.workers = workers;
    this.timeout = timeout;
    this.pool = Executors.newFixedThreadPool(workers, threadCpu.counting(Thread.ofPlatform().name("vigil-scoring-", 1).daemon().factory()));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-scoring-watchdog").daemon().factory());
  }

  /** One evaluation's result: an outcome, or why there is none (and, maybe, when to try again). */
  record Result(Outcome outcome, String failure, Duration retryAfter) {
    Result(Outcome outcome, String failure) {
      this(outcome, failure, null);
    }
  }

  /** Runs every evaluation and returns their results in the same order. */
  List<Result> runAll(List<Evaluator> evaluators, List<Subject> subjects) {
    List<EvaluationBatch> batches = new ArrayList<>();
    int n = evaluators.size();
    for (int from = 0; from < n; ) {
      int to = from + 1;
      if (evaluators.get(from).cheap()) {
        while (to < n && to - from < BATCH && evaluators.get(to).cheap()) to++;
      }
      batches.add(new EvaluationBatch(this, evaluators.subList(from, to), subjects.subList(from, to)));
      from = to;
    }
    long budget = 0; // a backstop, should every worker be stuck in code that ignores interruption
    long longest = 0;
    for (EvaluationBatch b : batches) {
      budget += b.budgetNanos();
      longest = Math.max(longest, b.budgetNanos());
      submit(b);
    }
    long deadline = System.nanoTime() + budget / workers + longest + TimeUnit.SECONDS.toNanos(1);
    List<Result> out = new ArrayList<>(n);
    for (EvaluationBatch b : batches) b.await(deadline, out);
    return out;
  }

  private void submit(EvaluationBatch batch) {
    try {
      pool.execute(batch);
    } catch (RejectedExecutionException e) {
      batch.abandon("IllegalStateException: scoring is stopping");
    }
  }

  ScheduledExecutorService watchdog() {
    return watchdog;
  }

  /** The pipeline's timeout, or the evaluator's own when it needs longer (a remote LLM judge). */
  Duration timeoutOf(Evaluator evaluator) {
    Duration own = evaluator.timeout();
    return own != null && own.compareTo(timeout) > 0 ? own : timeout;
  }

  static Result failed(Throwable t) {
    Duration after = t instanceof RetryLaterException r ? r.retryAfter() : null;
    return new Result(null, describe(t), after);
  }

  static String describe(Throwable t) {
    if (t instanceof TimeoutException || t instanceof RetryLaterException) return t.getMessage();
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    watchdog.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
