package dev.vigil.server.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Threads that keep the cores busy until closed: a machine short of CPU, for ingest pacing's tests. */
public final class Spinners implements AutoCloseable {
  private final AtomicBoolean spinning = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  /** {@code perCore} spinning threads a core, plus one. */
  public static Spinners perCore(int perCore) {
    return new Spinners(perCore * Runtime.getRuntime().availableProcessors() + 1);
  }

  private Spinners(int n) {
    for (int i = 0; i < n; i++) {
      threads.add(Thread.ofPlatform().daemon().name("it-spinner-" + i).start(() -> {
        long x = 0;
        while (spinning.get()) x += System.nanoTime() & 1;
        if (x == 42) System.out.print(""); // keeps the loop from being optimized away
      }));
    }
  }

  @Override
  public void close() throws InterruptedException {
    spinning.set(false);
    for (Thread t : threads) t.join();
  }
}
