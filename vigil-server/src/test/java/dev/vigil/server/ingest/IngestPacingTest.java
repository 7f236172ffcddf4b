package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.OverCapacityException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestPacingTest {
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private volatile double lag;
  private volatile double cpu;
  private volatile IngestPacing.ScoringCpu scorer = new IngestPacing.ScoringCpu(1.0, 1.0); // short of CPU unless a test says otherwise
  private final AtomicInteger cpuReads = new AtomicInteger();

  private final AtomicLong scored = new AtomicLong();
  private final AtomicLong ingested = new AtomicLong();

  private IngestPacing pacing(double maxLagSeconds, Duration maxWait) {
    return new IngestPacing(maxLagSeconds, new IngestPacing.Signals() {
      @Override public double lagSeconds() { return lag; }
      @Override public double cpuLoad() {
        cpuReads.incrementAndGet();
        return cpu;
      }
      @Override public IngestPacing.ScoringCpu scoringCpu() { return scorer; }
      @Override public long spansScored() { return scored.get(); }
      @Override public long spansIngested() { return ingested.get(); }
    }, nanos::get, maxWait, metrics);
  }

  /** Lets the next call decide again. */
  private void later() {
    nanos.addAndGet(IngestPacing.DECIDE_EVERY_NANOS);
  }

  private double pacedGauge() {
    return metrics.get("vigil.ingest.paced").gauge().value();
  }

  @Test
  void offNeverPacesNorReadsTheCpu() {
    IngestPacing p = pacing(0, Duration.ofSeconds(5));
    lag = 3600;
    cpu = 1;
    IngestPacing.Turn a = p.admit();
    IngestPacing.Turn b = p.admit(); // a second request while the first is in: no turns to take
    assertThat(a).isSameAs(IngestPacing.Turn.FREE);
    assertThat(b).isSameAs(IngestPacing.Turn.FREE);
    assertThat(pacedGauge()).isZero();
    assertThat(cpuReads.get()).isZero();
  }

  @Test
  void pacesOnlyWhenScoringLagsPastTheBoundWhileTheCpuIsBusy() {
    IngestPacing p = pacing(10, Duration.ofSeconds(5));
    lag = 5;
    cpu = 1;
    assertThat(p.pacing()).as("lag under the bound").isFalse();
    later();
    lag = 20;
    cpu = 0.5;
    assertThat(p.pacing()).as("lagging with an idle CPU: a slow judge, not a lack of CPU").isFalse();
    later();
    cpu = 0.95;
    assertThat(p.pacing()).isTrue();
    assertThat(pacedGauge()).isEqualTo(1.0);
    p.admit().close();
    assertThat(metrics.get("vigil.ingest.paced.requests").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aLagWhoseThreadsDoNotWaitForACpuIsNotPaced() {
    IngestPacing p = pacing(10, Duration.ofSeconds(5));
    lag = 20;
    cpu = 1;
    scorer = new IngestPacing.ScoringCpu(0.05, 0.2); // a busy machine, but scoring's threads asleep on a slow judge
    assertThat(p.pacing()).as("taking CPU from capture would not help").isFalse();
    later();
    scorer = new IngestPacing.ScoringCpu(IngestPacing.WANTED, 0.1); // busy, and hardly queued: it has the CPU it wants
    assertThat(p.pacing()).isFalse();
    later();
    scorer = new IngestPacing.ScoringCpu(IngestPacing.WANTED - IngestPacing.STARVED, IngestPacing.STARVED);
    assertThat(p.pacing()).isTrue();
    later();
    scorer = new IngestPacing.ScoringCpu(1.5, 0); // paced: scoring's threads get a CPU at once; no reason to stop
    assertThat(p.pacing()).isTrue();
  }

  @Test
  void anUnknownReadingLeavesTheOthersToDecide() {
    IngestPacing p = pacing(10, Duration.ofSeconds(5));
    lag = 11;
    cpu = -1;
    scorer = new IngestPacing.ScoringCpu(-1, -1);
    assertThat(p.pacing()).isTrue();
    later();
    lag = 0;
    assertThat(p.pacing()).isFalse();
    later();
    lag = 11;
    cpu = 1;
    assertThat(p.pacing()).as("scoring's waits unknown (not Linux): the CPU and the lag decide").isTrue();
  }

  @Test
  void stopsUnderHalfTheBoundOrWhenTheCpuIsNoLongerBusy() {
    IngestPacing p = pacing(10, Duration.ofSeconds(5));
    lag = 20;
    cpu = 1;
    assertThat(p.pacing()).isTrue();
    later();
    lag = 8;
    cpu = 0.7; // under the bound but over half of it, and busy enough: keep pacing (no flapping at the bound)
    assertThat(p.pacing()).isTrue();
    later();
    lag = 4;
    assertThat(p.pacing()).isFalse();

    later();
    lag = 20;
    cpu = 1;
    assertThat(p.pacing()).isTrue();
    later();
    cpu = 0.5; // a dip while paced (one request at a time, the scorer waiting on its commit): keep pacing
    assertThat(p.pacing()).isTrue();
    later();
    cpu = 0.3;
    assertThat(p.pacing()).as("scoring lags with CPU to spare: pacing capture would not help it").isFalse();
  }

  @Test
  void decidesAgainOnlyAfterItsInterval() {
    IngestPacing p = pacing(10, Duration.ofSeconds(5));
    lag = 20;
    cpu = 1;
    assertThat(p.pacing()).isTrue();
    lag = 0;
    assertThat(p.pacing()).as("the same half second").isTrue();
    nanos.addAndGet(IngestPacing.DECIDE_EVERY_NANOS - 1);
    assertThat(p.pacing()).isTrue();
    nanos.addAndGet(1);
    assertThat(p.pacing()).isFalse();
  }

  @Test
  void whilePacedRequestsTakeTurns() throws Exception {
    IngestPacing p = pacing(10, Duration.ofSeconds(30));
    lag = 20;
    cpu = 1;
    IngestPacing.Turn first = p.admit();
    CompletableFuture<IngestPacing.Turn> second = CompletableFuture.supplyAsync(p::admit);
    Thread.sleep(200);
    assertThat(second).as("waits for the first request's turn to end").isNotDone();
    first.close();
    second.get(10, TimeUnit.SECONDS).close();
    p.admit().close(); // every turn was given back
  }

  @Test
  void noTurnInTimeIsOverCapacityWithRetryAfter() {
    IngestPacing p = pacing(10, Duration.ofMillis(50));
    lag = 42;
    cpu = 1;
    try (IngestPacing.Turn held = p.admit()) {
      assertThatThrownBy(p::admit).isInstanceOfSatisfying(OverCapacityException.class, e -> {
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.getMessage()).contains("scoring is 42 s behind capture").contains("scoring.max_lag_seconds")
            .contains("paced to 1000 spans/s");
      });
    }
    assertThat(metrics.get("vigil.ingest.shed.requests").tag("reason", "paced").counter().count()).isEqualTo(1);
    later();
    lag = 0;
    assertThat(p.admit()).as("caught up: no turns").isSameAs(IngestPacing.Turn.FREE);
  }

  @Test
  void whilePacedSpansAreLetInAtAShareOfScoringsRate() {
    IngestPacing p = pacing(10, Duration.ofMillis(100));
    for (int i = 0; i < 6; i++) { // scoring reads 20,000 spans a second, measured over its window
      later();
      scored.addAndGet(10_000);
      p.pacing();
    }
    assertThat(p.allowedRate()).isCloseTo(IngestPacing.SHARE * 20_000, org.assertj.core.data.Offset.offset(1.0));
    lag = 20;
    cpu = 1;
    later();
    assertThat(p.pacing()).isTrue();
    double rate = p.allowedRate();
    try (IngestPacing.Turn t = p.admit()) {
      ingested.addAndGet((long) rate); // a request of a second's worth of spans
    }
    assertThatThrownBy(p::admit).as("the next turn is a second away, past the longest wait")
        .isInstanceOf(OverCapacityException.class);
    nanos.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
    p.admit().close(); // its time has come
  }

  @Test
  void scoringsRateUnknownOrStalledStillLetsSpansIn() {
    IngestPacing p = pacing(10, Duration.ofSeconds(5));
    lag = 20;
    cpu = 1;
    assertThat(p.pacing()).isTrue();
    assertThat(p.allowedRate()).as("no rate known yet: the floor").isEqualTo(IngestPacing.MIN_RATE);
    assertThat(IngestPacing.pauseNanos(500, IngestPacing.MIN_RATE)).isEqualTo(500_000_000L);
  }
}
