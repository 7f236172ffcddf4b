package dev.vigil.server.scoring.pipeline;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.RetryLaterException;
import dev.vigil.server.scoring.eval.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs evaluations on a fixed number of worker threads, each isolated: an evaluator that throws
 * fails only its own evaluation, and one that runs past the timeout is failed at the timeout and
 * interrupted (the rule evaluators stop when interrupted), so a slow evaluator never holds up the
 * others' results. The timeout counts from when an evaluation starts, not from when it was queued.
 */
final class EvaluationRunner implements AutoCloseable {
  private final ExecutorService pool;
  private final ScheduledExecutorService watchdog;
  private final Duration timeout;
  private final int workers;

  EvaluationRunner(int workers, Duration timeout) {
    this.workers = workers;
    this.timeout = timeout;
    this.pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("vigil-scoring-", 1).daemon().factory());
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
    List<CompletableFuture<Outcome>> futures = new ArrayList<>(evaluators.size());
    for (int i = 0; i < evaluators.size(); i++) futures.add(submit(evaluators.get(i), subjects.get(i)));
    // A backstop, should every worker be stuck in code that ignores interruption: queued work fails.
    long rounds = (evaluators.size() + workers - 1) / workers + 1;
    long longest = evaluators.stream().mapToLong(e -> timeoutOf(e).toNanos()).max().orElse(timeout.toNanos());
    long deadline = System.nanoTime() + longest * rounds + TimeUnit.SECONDS.toNanos(1);
    List<Result> out = new ArrayList<>(futures.size());
    for (CompletableFuture<Outcome> f : futures) {
      try {
        out.add(new Result(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null));
      } catch (java.util.concurrent.ExecutionException e) {
        Duration after = e.getCause() instanceof RetryLaterException r ? r.retryAfter() : null;
        out.add(new Result(null, describe(e.getCause()), after));
      } catch (TimeoutException e) {
        f.cancel(true);
        out.add(new Result(null, "not started: every scoring worker was busy past its timeout"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(new Result(null, "interrupted: the server is stopping"));
      }
    }
    return out;
  }

  private CompletableFuture<Outcome> submit(Evaluator evaluator, Subject subject) {
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    try {
      pool.execute(() -> evaluate(evaluator, subject, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("scoring is stopping"));
    }
    return result;
  }

  /** The pipeline's timeout, or the evaluator's own when it needs longer (a remote LLM judge). */
  private Duration timeoutOf(Evaluator evaluator) {
    Duration own = evaluator.timeout();
    return own != null && own.compareTo(timeout) > 0 ? own : timeout;
  }

  private void evaluate(Evaluator evaluator, Subject subject, CompletableFuture<Outcome> result) {
    Duration timeout = timeoutOf(evaluator);
    Thread self = Thread.currentThread();
    Object lock = new Object();
    boolean[] running = {true};
    ScheduledFuture<?> dog = watchdog.schedule(() -> {
      if (result.completeExceptionally(new TimeoutException("timed out after " + timeout.toMillis() + " ms"))) {
        synchronized (lock) {
          if (running[0]) self.interrupt();
        }
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      result.complete(evaluator.evaluate(subject));
    } catch (Throwable t) {
      result.completeExceptionally(t);
    } finally {
      dog.cancel(false);
      synchronized (lock) {
        running[0] = false;
        Thread.interrupted(); // an interrupt meant for this evaluation must not reach the next one
      }
    }
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
