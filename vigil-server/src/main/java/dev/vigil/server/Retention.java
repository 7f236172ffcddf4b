package dev.vigil.server;

import dev.vigil.model.Project;
import dev.vigil.storage.Storage;
import dev.vigil.util.EpochNanos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The background purge: each project loses what is older than its retention days. */
final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final Storage storage;
  private final Clock clock;

  Retention(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  void run() {
    try {
      for (Project p : storage.projectStore().listProjects()) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(p.settings().retentionDays()));
        storage.retention().purgeBefore(p.id(), EpochNanos.of(cutoff));
      }
    } catch (RuntimeException e) {
      LOG.warn("retention run failed; will retry at the next interval", e); // never kill the schedule
    }
  }
}
