package dev.vigil.server.scoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Reads the real scheduler's statistics of real threads: Linux only. */
class ThreadCpuTest {
  private final ThreadCpu waits = new ThreadCpu(System::nanoTime);

  private static void assumeSchedstat() {
    assumeTrue(Files.exists(Path.of("/proc/thread-self")) && Files.exists(Path.of("/proc/self/schedstat")),
        "Linux with scheduler statistics");
  }

  @Test
  void parsesTheRunQueueTimeOfSchedstat() {
    assertThat(ThreadCpu.parse("123456 789 12\n")).containsExactly(123456, 789);
    assertThatThrownBy(() -> ThreadCpu.parse("123456")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownWithoutThreadsAndOnTheFirstReading() {
    assertThat(waits.read().known()).as("no thread counted").isFalse();
  }

  @Test
  void aThreadAsleepWaitsForNoCpu() throws Exception {
    assumeSchedstat();
    CountDownLatch enlisted = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread sleeper = waits.counting(Thread.ofPlatform().factory()).newThread(() -> {
      enlisted.countDown();
      await(done);
    });
    sleeper.start();
    enlisted.await();
    assertThat(waits.read().known()).as("first reading: nothing to compare with").isFalse();
    Thread.sleep(300);
    ThreadCpu.Reading r = waits.read();
    assertThat(r.running()).isBetween(0.0, 0.05);
    assertThat(r.waiting()).isBetween(0.0, 0.05);
    done.countDown();
    sleeper.join();
    boolean known = true;
    for (int i = 0; i < 100 && known; i++) { // the OS thread exits just after join() returns
      Thread.sleep(20);
      known = waits.read().known();
    }
    assertThat(known).as("the thread ended: nothing counted").isFalse();
  }

  @Test
  void aThreadThatMustShareTheCpusWithMoreThreadsThanCoresWaits() throws Exception {
    assumeSchedstat();
    int cores = Runtime.getRuntime().availableProcessors();
    AtomicBoolean spinning = new AtomicBoolean(true);
    List<Thread> others = new ArrayList<>();
    for (int i = 0; i < cores * 3; i++) others.add(Thread.ofPlatform().daemon().start(() -> spin(spinning)));
    CountDownLatch enlisted = new CountDownLatch(2);
    List<Thread> counted = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      counted.add(waits.counting(Thread.ofPlatform().daemon().factory()).newThread(() -> {
        enlisted.countDown();
        spin(spinning);
      }));
    }
    try {
      counted.forEach(Thread::start);
      enlisted.await();
      waits.read();
      Thread.sleep(500);
      // four runnable threads a core or more: each counted one waits about three quarters of the time
      ThreadCpu.Reading r = waits.read();
      assertThat(r.running() + r.waiting()).as("both always runnable").isGreaterThan(1.8);
      assertThat(r.waiting()).as("well over IngestPacing.STARVED").isGreaterThan(1.0);
    } finally {
      spinning.set(false);
      for (Thread t : others) t.join();
      for (Thread t : counted) t.join();
    }
  }

  private static void spin(AtomicBoolean spinning) {
    long x = 0;
    while (spinning.get()) x += System.nanoTime() & 1;
    if (x == 42) System.out.print(""); // keep the loop from being optimised away
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
