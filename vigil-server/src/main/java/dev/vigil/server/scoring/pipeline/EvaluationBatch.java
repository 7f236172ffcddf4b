package dev.vigil.server.scoring.pipeline;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Subject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Evaluations one worker runs one after the other, each under its own timeout, watched by one
 * watchdog entry that follows the batch along: it fires when the running evaluation's time is up,
 * fails that evaluation and interrupts it, then waits for the next one. Results are set once, under
 * the batch's lock, by whichever comes first: the evaluation, the watchdog, or the caller giving up.
 */
final class EvaluationBatch implements Runnable {
  private final EvaluationRunner runner;
  private final List<Evaluator> evaluators;
  private final List<Subject> subjects;
  private final EvaluationRunner.Result[] results;
  private final CountDownLatch done = new CountDownLatch(1);
  // guarded by this
  private Thread worker;
  private int current = -1;
  private long startedNanos;
  private boolean finished;
  private ScheduledFuture<?> dog;

  EvaluationBatch(EvaluationRunner runner, List<Evaluator> evaluators, List<Subject> subjects) {
    this.runner = runner;
    this.evaluators = evaluators;
    this.subjects = subjects;
    this.results = new EvaluationRunner.Result[evaluators.size()];
  }

  /** The most the batch may take when every evaluation runs to its timeout. */
  long budgetNanos() {
    long sum = 0;
    Evaluator last = null;
    long each = 0;
    for (Evaluator e : evaluators) {
      if (e != last) each = runner.timeoutOf(last = e).toNanos(); // a batch is mostly a few evaluators over and over
      sum += each;
    }
    return sum;
  }

  @Override
  public void run() {
    try {
      for (int i = 0; i < evaluators.size(); i++) {
        synchronized (this) {
          if (finished) return; // given up on (the caller's backstop) or stopping
          worker = Thread.currentThread();
          current = i;
          startedNanos = System.nanoTime();
          if (dog == null) watch(runner.timeoutOf(evaluators.get(i)).toNanos());
        }
        EvaluationRunner.Result r;
        try {
          r = new EvaluationRunner.Result(evaluators.get(i).evaluate(subjects.get(i)), null);
        } catch (Throwable t) {
          r = EvaluationRunner.failed(t);
        }
        synchronized (this) {
          current = -1;
          Thread.interrupted(); // an interrupt meant for this evaluation must not reach the next one
          if (results[i] == null) results[i] = r;
        }
      }
    } finally {
      synchronized (this) {
        finished = true;
        current = -1;
        if (dog != null) dog.cancel(false);
        Thread.interrupted();
      }
      done.countDown();
    }
  }

  private void watch(long delayNanos) {
    try {
      dog = runner.watchdog().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      dog = null; // stopping: the caller's backstop still applies
    }
  }

  /** On the watchdog: fail and interrupt the running evaluation if its time is up, then watch on. */
  private synchronized void check() {
    dog = null;
    if (finished) return;
    long now = System.nanoTime();
    if (current >= 0 && results[current] == null) {
      long limit = runner.timeoutOf(evaluators.get(current)).toNanos();
      long left = startedNanos + limit - now;
      if (left > 0) {
        watch(left);
        return;
      }
      results[current] = new EvaluationRunner.Result(null,
          EvaluationRunner.describe(new TimeoutException("timed out after " + limit / 1_000_000 + " ms")));
      worker.interrupt();
    }
    // the next evaluation (or the one that ignores its interrupt: the caller's backstop covers it)
    int next = current >= 0 ? current + 1 : 0;
    if (next < evaluators.size()) watch(runner.timeoutOf(evaluators.get(next)).toNanos());
  }

  /** Waits for the batch until {@code deadlineNanos}, then adds its results in order to {@code out}. */
  void await(long deadlineNanos, List<EvaluationRunner.Result> out) {
    try {
      if (!done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        abandon("not started: every scoring worker was busy past its timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon("interrupted: the server is stopping");
    }
    synchronized (this) {
      for (EvaluationRunner.Result r : results) out.add(r);
    }
  }

  /** Fails every evaluation without a result yet, and stops the batch before its next evaluation. */
  synchronized void abandon(String reason) {
    finished = true;
    if (dog != null) dog.cancel(false);
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) results[i] = new EvaluationRunner.Result(null, reason);
    }
  }
}
