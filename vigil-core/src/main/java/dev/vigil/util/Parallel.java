package dev.vigil.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Splits one request's independent per-item work across threads. A client that sends one request at
 * a time (the common exporter setup) would otherwise get one core; the other parts run on virtual
 * threads, the last on the caller's, so a request never waits for a free pool thread.
 */
public final class Parallel {
  private Parallel() {}

  /** {@code f} applied to each input at once; results in input order; the first failure is rethrown. */
  public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> f) {
    int n = inputs.size();
    if (n == 1) return List.of(f.apply(inputs.get(0)));
    Object[] results = new Object[n];
    Throwable[] errors = new Throwable[n];
    Thread[] threads = new Thread[n - 1];
    for (int i = 0; i < n - 1; i++) {
      int index = i;
      threads[i] = Thread.ofVirtual().name("vigil-part").start(() -> {
        try {
          results[index] = f.apply(inputs.get(index));
        } catch (Throwable t) {
          errors[index] = t;
        }
      });
    }
    try {
      results[n - 1] = f.apply(inputs.get(n - 1));
    } catch (Throwable t) {
      errors[n - 1] = t;
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // finish joining: the parts write into arrays this method returns
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    for (Throwable e : errors) {
      if (e instanceof RuntimeException r) throw r;
      if (e instanceof Error err) throw err;
      if (e != null) throw new IllegalStateException(e);
    }
    @SuppressWarnings("unchecked")
    List<R> out = (List<R>) Arrays.asList(results);
    return out;
  }

  /** {@code items} in at most {@code parts} consecutive, nearly equal, non-empty slices. */
  public static <T> List<List<T>> split(List<T> items, int parts) {
    int n = Math.max(1, Math.min(parts, items.size()));
    List<List<T>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(items.subList(items.size() * i / n, items.size() * (i + 1) / n));
    return out;
  }
}
