package dev.vigil.server.ingest;

import dev.vigil.storage.OverCapacityException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Priority of scoring over capture ({@code scoring.max_lag_seconds}, 60 s by default). On a machine
 * whose CPU is saturated, ingest requests outnumber the scoring threads, so the scheduler gives
 * capture most of the CPU and scoring falls further behind for as long as the load lasts. When
 * scoring lags more than the bound for want of CPU, ingest is paced until the lag is back under half
 * the bound: requests take turns, one at a time, and the turns let spans in at most at
 * {@link #SHARE} of the rate scoring reads them, so the backlog shrinks whatever the load. A request
 * that gets no turn within {@code maxWait} gets 503 with Retry-After, which OTLP exporters retry.
 *
 * <p>"For want of CPU" is two readings: the machine is busy, and the scoring threads themselves
 * waited on a run queue. A lag of a slow LLM judge happens on a busy machine too, but its threads
 * sleep on the network; pacing capture would not help it, so it does not start; and pacing stops
 * when the machine has room again.
 */
public final class IngestPacing {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPacing.class);
  /** The machine's CPU load from which a lagging scorer is short of CPU. */
  static final double BUSY = 0.9;
  /** Below this load while pacing, scoring's lag is not for want of CPU: stop pacing. */
  static final double IDLE = 0.4;
  /**
   * Scoring is short of CPU when its threads were runnable (running or queued) at least
   * {@link #WANTED} thread-seconds a second, and queued at least {@link #STARVED} of them. A scorer
   * with work always has a thread runnable: 2 thread-seconds a second at four clients in the ingest
   * benchmark, of which 0.5-1.3 queued. One asleep on a slow LLM judge wakes only now and then:
   * 0.18 s queued a second on a machine with three spinning threads a core (ITIngestPacing).
   */
  static final double WANTED = 0.8;
  static final double STARVED = 0.25;
  /** While paced, spans are let in at this share of the rate scoring reads them: the backlog shrinks. */
  static final double SHARE = 0.8;
  /** Spans a second let in while paced, whatever scoring's measured rate: a misreading never stops capture. */
  static final double MIN_RATE = 1000;
  static final long DECIDE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /** Scoring's rate is measured over this long: it reads pages of thousands of spans, a few a second. */
  static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** What pacing decides on; the CPU readings measure since their previous call, negative when unknown. */
  public interface Signals {
    /** How long the oldest span not yet read by scoring has waited. */
    double lagSeconds();

    /** The machine's CPU load since the previous call, 0 to 1. */
    double cpuLoad();

    /** Thread-seconds a second the scoring threads ran and waited for a CPU since the previous call. */
    ScoringCpu scoringCpu();

    /** Spans scoring has read since start. */
    long spansScored();

    /** Spans ingest has stored since start. */
    long spansIngested();
  }

  /** Thread-seconds a second on a CPU and on a run queue; negative when unknown. */
  public record ScoringCpu(double running, double waiting) {
    boolean known() {
      return running >= 0 && waiting >= 0;
    }

    boolean shortOfCpu() {
      return running + waiting >= WANTED && waiting >= STARVED;
    }
  }

  /** A turn to ingest; closing it lets the next request in. */
  public interface Turn extends AutoCloseable {
    Turn FREE = () -> {};

    @Override
    void close();
  }

  private final double maxLagSeconds;
  private final Signals signals;
  private final LongSupplier nanoTime;
  private final long maxWaitNanos;
  private final Semaphore turn = new Semaphore(1, true);
  private final Counter pacedRequests;
  private final Counter refusedRequests;
  private final ArrayDeque<long[]> scored = new ArrayDeque<>(); // {nanoTime, spansScored}, guarded by this
  private volatile boolean pacing;
  private volatile double allowedRate = MIN_RATE;
  private long nextTurnAt; // guarded by the turn
  private long decidedAt = Long.MIN_VALUE / 2; // guarded by this; halved so "now - decidedAt" cannot overflow

  /** @param maxLagSeconds the bound; 0 or less: never pace */
  public IngestPacing(double maxLagSeconds, Signals signals, LongSupplier nanoTime, Duration maxWait, MeterRegistry metrics) {
    this.maxLagSeconds = maxLagSeconds;
    this.signals = signals;
    this.nanoTime = nanoTime;
    this.maxWaitNanos = maxWait.toNanos();
    this.refusedRequests = IngestService.shedRequests(metrics, "paced");
    this.pacedRequests = Counter.builder("vigil.ingest.paced.requests")
        .description("Ingest requests that had to wait for a turn because scoring lagged, refused ones included (scoring.max_lag_seconds)").register(metrics);
    Gauge.builder("vigil.ingest.paced", this, p -> p.pacing() ? 1 : 0)
        .description("1 while ingest is paced so that scoring catches up").register(metrics);
  }

  /** Waits for a turn while pacing (none needed otherwise). @throws OverCapacityException when none came in time */
  public Turn admit() {
    if (!pacing()) return Turn.FREE;
    pacedRequests.increment();
    long start = nanoTime.getAsLong();
    if (!acquire(maxWaitNanos)) throw overCapacity();
    long pause = nextTurnAt - nanoTime.getAsLong();
    if (pause > 0) {
      if (pause > maxWaitNanos - (nanoTime.getAsLong() - start)) {
        turn.release();
        throw overCapacity();
      }
      try {
        Thread.sleep(Duration.ofNanos(pause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        turn.release();
        throw overCapacity();
      }
    }
    long startedAt = nanoTime.getAsLong();
    long before = signals.spansIngested();
    return () -> {
      long spans = Math.max(0, signals.spansIngested() - before); // turns are one at a time: these are this request's
      nextTurnAt = startedAt + pauseNanos(spans, allowedRate);
      turn.release();
    };
  }

  /** How long {@code spans} take to let in at {@code rate} spans a second. */
  static long pauseNanos(long spans, double rate) {
    return (long) (spans * 1e9 / rate);
  }

  /** Spans a second let in while paced. */
  double allowedRate() {
    return allowedRate;
  }

  /** Spans a second let in now, or empty when ingest is not paced. */
  public java.util.OptionalDouble pacedRate() {
    return pacing() ? java.util.OptionalDouble.of(allowedRate) : java.util.OptionalDouble.empty();
  }

  private boolean acquire(long nanos) {
    try {
      return turn.tryAcquire(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private OverCapacityException overCapacity() {
    refusedRequests.increment();
    return new OverCapacityException("scoring is " + Math.round(signals.lagSeconds()) + " s behind capture "
        + "(scoring.max_lag_seconds=" + maxLagSeconds + "): ingest is paced to " + Math.round(allowedRate)
        + " spans/s until it catches up", Duration.ofSeconds(1));
  }

  /** Whether requests take turns now; decided again at most every {@link #DECIDE_EVERY_NANOS}. */
  boolean pacing() {
    if (maxLagSeconds <= 0) return false;
    long now = nanoTime.getAsLong();
    synchronized (this) {
      if (now - decidedAt >= DECIDE_EVERY_NANOS) {
        decidedAt = now;
        decide(now);
      }
    }
    return pacing;
  }

  private void decide(long now) {
    double rate = scoringRate(now);
    allowedRate = Math.max(MIN_RATE, SHARE * rate);
    double lag = signals.lagSeconds();
    double cpu = signals.cpuLoad();
    ScoringCpu scorer = signals.scoringCpu(); // read every time: it measures since the previous reading
    boolean next = pacing
        ? lag > maxLagSeconds / 2 && (cpu < 0 || cpu >= IDLE)
        : lag > maxLagSeconds && (cpu < 0 || cpu >= BUSY) && (!scorer.known() || scorer.shortOfCpu());
    if (next == pacing) return;
    pacing = next;
    if (next) {
      LOG.info("scoring is {} s behind capture with the CPU {} busy and its threads waiting {} for a CPU: ingest is "
          + "paced to {} spans/s ({} % of scoring's rate) until it is under {} s", Math.round(lag), percent(cpu),
          waitedText(scorer), Math.round(allowedRate), Math.round(SHARE * 100), maxLagSeconds / 2);
    } else {
      LOG.info("scoring is {} s behind capture, the CPU {} busy: ingest no longer paced", Math.round(lag), percent(cpu));
    }
  }

  /** Spans a second scoring read over the last {@link #RATE_WINDOW_NANOS}; 0 until a second of it is known. */
  private double scoringRate(long now) {
    long total = signals.spansScored();
    scored.addLast(new long[] {now, total});
    while (scored.size() > 2 && now - scored.peekFirst()[0] > RATE_WINDOW_NANOS) scored.removeFirst();
    long[] first = scored.peekFirst();
    long elapsed = now - first[0];
    return elapsed < TimeUnit.SECONDS.toNanos(1) ? 0 : (total - first[1]) * 1e9 / elapsed;
  }

  private static String waitedText(ScoringCpu scorer) {
    return scorer.known() ? String.format(Locale.ROOT, "%.2f s a second (running %.2f)", scorer.waiting(), scorer.running())
        : "(unknown)";
  }

  private static String percent(double load) {
    return load < 0 ? "(unknown)" : Math.round(load * 100) + " %";
  }
}
