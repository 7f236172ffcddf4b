package dev.vigil.server.scoring.scorecard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the scorecards directory on one daemon thread. Polling (not a WatchService) because file
 * events are unreliable on bind mounts and network file systems, where config directories often live;
 * reading a few small files every couple of seconds costs nothing.
 */
public final class ScorecardWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScorecardWatcher.class);

  private final ScheduledExecutorService timer;

  public ScorecardWatcher(ScorecardFiles files, ScorecardRegistry registry, Duration interval) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-scorecard-watcher");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(() -> {
      try {
        if (files.poll()) registry.filesChanged();
      } catch (RuntimeException e) {
        LOG.warn("scorecard reload failed; the scorecards in force are unchanged", e);
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
