package dev.vigil.server.scoring.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * How long the scoring threads ran, and waited for a CPU while they had work, in thread-seconds per
 * second since the previous reading. This tells a lag for want of CPU (scoring's threads runnable
 * but queued behind capture's) from a lag of a slow LLM judge (threads asleep on the network), which
 * the machine's CPU load alone cannot: both happen on a busy machine.
 *
 * <p>Linux only: each thread finds its id through {@code /proc/thread-self} when it starts, and
 * the scheduler's times on a CPU and on a run queue are read from {@code /proc/self/task/<tid>/schedstat}. Elsewhere,
 * or without schedstat, it is unknown and ingest pacing decides on the CPU load alone.
 */
public final class ThreadCpu {
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final Path TASKS = Path.of("/proc/self/task");

  private final Map<Long, long[]> threads = new ConcurrentHashMap<>(); // tid -> {on-CPU ns, run-queue ns} at the previous reading
  private final LongSupplier nanoTime;
  private long readAt = Long.MIN_VALUE;

  public ThreadCpu(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Thread-seconds a second on a CPU and waiting on a run queue; both negative when unknown. */
  public record Reading(double running, double waiting) {
    public static final Reading UNKNOWN = new Reading(-1, -1);

    public boolean known() {
      return running >= 0;
    }
  }

  /** Threads from {@code factory} that are counted from when they start. */
  ThreadFactory counting(ThreadFactory factory) {
    return r -> factory.newThread(() -> {
      enlist();
      r.run();
    });
  }

  /** Counts the calling thread from now on (until it ends). */
  void enlist() {
    try {
      Path self = Files.readSymbolicLink(THREAD_SELF); // "<pid>/task/<tid>"
      long tid = Long.parseLong(self.getFileName().toString());
      long[] ns = schedstat(tid);
      if (ns != null) threads.put(tid, ns);
    } catch (IOException | RuntimeException e) {
      // not Linux, or no procfs: unknown
    }
  }

  /** What the counted threads did since the previous call; unknown on the first call or with no thread. */
  public synchronized Reading read() {
    long now = nanoTime.getAsLong();
    long ran = 0;
    long waited = 0;
    boolean any = false;
    for (Iterator<Map.Entry<Long, long[]>> it = threads.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, long[]> e = it.next();
      long[] ns = schedstat(e.getKey());
      if (ns == null) { // the thread ended
        it.remove();
        continue;
      }
      ran += Math.max(0, ns[0] - e.getValue()[0]);
      waited += Math.max(0, ns[1] - e.getValue()[1]);
      e.setValue(ns);
      any = true;
    }
    long since = readAt;
    readAt = now;
    if (!any || since == Long.MIN_VALUE || now <= since) return Reading.UNKNOWN;
    return new Reading((double) ran / (now - since), (double) waited / (now - since));
  }

  /** {on-CPU ns, run-queue ns} of a thread, or null when unreadable. */
  private static long[] schedstat(long tid) {
    try {
      return parse(Files.readString(TASKS.resolve(Long.toString(tid)).resolve("schedstat")));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** schedstat's line: "time on CPU ns, time waiting on a run queue ns, timeslices". */
  static long[] parse(String schedstat) {
    String[] f = schedstat.trim().split("\\s+");
    if (f.length < 2) throw new IllegalArgumentException("not a schedstat line: " + schedstat);
    return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
  }
}
