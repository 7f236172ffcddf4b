package dev.vigil.server.alert.digest;

import dev.vigil.model.Project;
import dev.vigil.server.alert.notify.DigestSender;
import dev.vigil.storage.Storage;
import dev.vigil.util.EpochNanos;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest (info tier): at the configured day and hour (UTC) it sends each project with
 * traffic its week. It checks the clock every minute rather than sleeping a week, so a test clock or
 * a suspended machine both behave. A start after the hour does not send that week's digest late; a
 * send that fails is tried again on the next checks, {@link #MAX_TRIES} times, and logged.
 */
public final class DigestJob implements AutoCloseable {
  static final int MAX_TRIES = 5;
  private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

  private final Storage storage;
  private final DigestSender sender;
  private final DigestBuilder builder;
  private final DayOfWeek day;
  private final int hour;
  private final Clock clock;
  private final String link;
  private Instant lastDue;
  private int tries;
  private ScheduledExecutorService timer;

  public DigestJob(Storage storage, DigestSender sender, DriftSource drift, DayOfWeek day, int hour, Clock clock, String baseUrl) {
    this.storage = storage;
    this.sender = sender;
    this.builder = new DigestBuilder(storage, drift);
    this.day = day;
    this.hour = hour;
    this.clock = clock;
    this.link = baseUrl == null ? null : baseUrl + "/ui/overview?range=7d";
    this.lastDue = due(clock.instant());
  }

  /** The latest scheduled moment at or before {@code now}. */
  Instant due(Instant now) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).withHour(hour)
        .with(TemporalAdjusters.previousOrSame(day));
    if (t.toInstant().isAfter(now)) t = t.minusWeeks(1);
    return t.toInstant();
  }

  public synchronized void start(Duration every) {
    if (timer != null || !sender.enabled()) return;
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-digest").daemon().factory());
    timer.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        LOG.warn("weekly digest check failed; trying again: {}", e.getMessage());
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends the digests if one is due; returns how many projects were sent one. */
  public synchronized int tick() {
    Instant due = due(clock.instant());
    if (!due.isAfter(lastDue)) return 0;
    int sent = 0;
    boolean failed = false;
    for (Project p : storage.projectStore().listProjects()) {
      WeeklyDigest d = builder.build(p, EpochNanos.of(due));
      if (d.quiet()) continue;
      List<String> failures = sender.send(DigestReport.subject(d), DigestReport.text(d, link), DigestReport.json(d, link));
      if (failures.isEmpty()) sent++;
      else {
        failed = true;
        LOG.warn("weekly digest of project '{}' not delivered: {}", p.name(), failures);
      }
    }
    // a failure retries the whole week (receivers dedupe nothing, so all projects are sent again): rare and small
    if (!failed || ++tries >= MAX_TRIES) {
      lastDue = due;
      tries = 0;
    }
    return sent;
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
    timer = null;
  }
}
