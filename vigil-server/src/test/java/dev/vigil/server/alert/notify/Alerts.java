package dev.vigil.server.alert.notify;

import dev.vigil.server.alert.Notification;
import dev.vigil.server.alert.Severity;
import java.util.Map;

/** Notifications for tests. */
final class Alerts {
  static final long STARTED = 1_795_341_600_000_000_000L; // 2026-11-22T10:00:00Z

  private Alerts() {}

  static Notification firing() {
    return new Notification("answer-quality/support-chat", "answer-quality", Severity.CRITICAL, true,
        "answer relevance p50 below 7 on support-chat", "p50 6.1 over the last 30 min (baseline 8.3), trend decreasing",
        Map.of("feature", "support-chat"), "https://runbooks.example/answer-quality",
        "prompt support-answer v3 deployed 09:52", "http://127.0.0.1:4318/ui/alerts/1", STARTED, STARTED);
  }

  static Notification resolved() {
    Notification f = firing();
    return new Notification(f.dedupKey(), f.rule(), f.severity(), false, f.summary(), f.details(), f.labels(),
        f.runbookUrl(), f.suspect(), f.link(), f.startedEpochNanos(), f.startedEpochNanos() + 600_000_000_000L);
  }
}
