package dev.vigil.server.ingest;

import dev.vigil.storage.OverCapacityException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in priority of scoring over capture ({@code scoring.max_lag_seconds}). On a machine whose CPU
 * is saturated, ingest requests outnumber the scoring threads, so the scheduler gives capture most of
 * the CPU and scoring falls further behind for as long as the load lasts. When scoring lags more than
 * the bound while the CPU is busy, ingest takes one request at a time (the others wait their turn, up
 * to {@code maxWait}, then get 503 with Retry-After) until the lag is back under half the bound.
 *
 * <p>A lag with an idle CPU (a slow LLM judge, say) does not pace capture: taking CPU from ingest
 * would not help scoring then, so pacing starts only when the machine is busy and stops when it is
 * not. Off by default: capture first, because an exporter whose queue fills drops spans on its side.
 */
public final class IngestPacing {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPacing.class);
  /** The machine's CPU load from which a lagging scorer is short of CPU. */
  static final double BUSY = 0.9;
  /** Below this load while pacing, scoring's lag is not for want of CPU: stop pacing. */
  static final double IDLE = 0.4;
  static final long DECIDE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** A turn to ingest; closing it lets the next request in. */
  public interface Turn extends AutoCloseable {
    Turn FREE = () -> {};

    @Override
    void close();
  }

  private final double maxLagSeconds;
  private final DoubleSupplier lagSeconds;
  private final DoubleSupplier cpuLoad;
  private final LongSupplier nanoTime;
  private final long maxWaitNanos;
  private final Semaphore turn = new Semaphore(1, true);
  private final Counter pacedRequests;
  private volatile boolean pacing;
  private long decidedAt = Long.MIN_VALUE / 2; // guarded by this; halved so "now - decidedAt" cannot overflow

  /**
   * @param maxLagSeconds the bound; 0 or less: never pace
   * @param lagSeconds how long the oldest span not yet read by scoring has waited
   * @param cpuLoad the machine's recent CPU load from 0 to 1, negative when unknown (then the lag alone decides)
   */
  public IngestPacing(double maxLagSeconds, DoubleSupplier lagSeconds, DoubleSupplier cpuLoad, LongSupplier nanoTime,
      Duration maxWait, MeterRegistry metrics) {
    this.maxLagSeconds = maxLagSeconds;
    this.lagSeconds = lagSeconds;
    this.cpuLoad = cpuLoad;
    this.nanoTime = nanoTime;
    this.maxWaitNanos = maxWait.toNanos();
    this.pacedRequests = Counter.builder("vigil.ingest.paced.requests")
        .description("Ingest requests that had to wait for a turn because scoring lagged, refused ones included (scoring.max_lag_seconds)").register(metrics);
    Gauge.builder("vigil.ingest.paced", this, p -> p.pacing() ? 1 : 0)
        .description("1 while ingest takes one request at a time so that scoring catches up").register(metrics);
  }

  /** Waits for a turn while pacing (none needed otherwise). @throws OverCapacityException when none came in time */
  public Turn admit() {
    if (!pacing()) return Turn.FREE;
    pacedRequests.increment();
    boolean got;
    try {
      got = turn.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = false;
    }
    if (!got) {
      throw new OverCapacityException("scoring is " + Math.round(lagSeconds.getAsDouble()) + " s behind capture "
          + "(scoring.max_lag_seconds=" + maxLagSeconds + "): ingest takes one request at a time until it catches up", Duration.ofSeconds(1));
    }
    return turn::release;
  }

  /** Whether requests take turns now; decided again at most every {@link #DECIDE_EVERY_NANOS}. */
  boolean pacing() {
    if (maxLagSeconds <= 0) return false;
    long now = nanoTime.getAsLong();
    synchronized (this) {
      if (now - decidedAt >= DECIDE_EVERY_NANOS) {
        decidedAt = now;
        decide();
      }
    }
    return pacing;
  }

  private void decide() {
    double lag = lagSeconds.getAsDouble();
    double cpu = cpuLoad.getAsDouble();
    boolean next = pacing
        ? lag > maxLagSeconds / 2 && (cpu < 0 || cpu >= IDLE)
        : lag > maxLagSeconds && (cpu < 0 || cpu >= BUSY);
    if (next == pacing) return;
    pacing = next;
    if (next) {
      LOG.info("scoring is {} s behind capture with the CPU {} busy: ingest takes one request at a time until it is under {} s",
          Math.round(lag), percent(cpu), maxLagSeconds / 2);
    } else {
      LOG.info("scoring is {} s behind capture, the CPU {} busy: ingest no longer paced", Math.round(lag), percent(cpu));
    }
  }

  private static String percent(double load) {
    return load < 0 ? "(unknown)" : Math.round(load * 100) + " %";
  }
}
