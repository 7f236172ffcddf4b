package dev.vigil.server.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Delivery;
import dev.vigil.model.DeliveryAttempt;
import dev.vigil.model.DeliveryState;
import dev.vigil.server.TestClock;
import dev.vigil.storage.duckdb.DuckDbStorage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox worker on the real embedded store, driven by a hand-moved clock. */
class DeliveryWorkerTest {
  @TempDir
  Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
  private DuckDbStorage storage;
  private long project;

  @BeforeEach
  void open() {
    storage = DuckDbStorage.builder(dir).build();
    project = storage.projectStore().createProject("alerts", null).id();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private Notifications notifications(Channel... channels) {
    return new Notifications(storage.deliveryStore(), List.of(channels), clock);
  }

  private Delivery only() {
    return storage.deliveryStore().deliveries(project, 10).get(0);
  }

  @Test
  void retriesWithBackoffUntilTheReceiverAccepts() throws Exception {
    try (Receiver hook = new Receiver(503, 500)) {
      Notifications n = notifications(new Channel.Webhook("hook", hook.url("/"), "k"));
      DeliveryWorker worker = new DeliveryWorker(n, storage.deliveryStore(), null, clock);
      n.send(project, Alerts.firing(), List.of("hook"));

      assertThat(worker.deliverDue()).isEqualTo(1);   // 503
      assertThat(worker.deliverDue()).isZero();        // not due for 30 s
      clock.advance(Duration.ofSeconds(30));
      assertThat(worker.deliverDue()).isEqualTo(1);   // 500
      clock.advance(Duration.ofSeconds(59));
      assertThat(worker.deliverDue()).isZero();        // the second wait is a minute
      clock.advance(Duration.ofSeconds(1));
      assertThat(worker.deliverDue()).isEqualTo(1);   // 200

      assertThat(only().state()).isEqualTo(DeliveryState.DELIVERED);
      assertThat(storage.deliveryStore().attempts(project, only().id()))
          .extracting(DeliveryAttempt::status).containsExactly(503, 500, 200);
      assertThat(hook.requests).hasSize(3);
    }
  }

  @Test
  void aRefusalIsFinalAndKeptWithItsReason() throws Exception {
    try (Receiver slack = new Receiver(400)) {
      Notifications n = notifications(new Channel.Slack("ops", slack.url("/")));
      DeliveryWorker worker = new DeliveryWorker(n, storage.deliveryStore(), null, clock);
      n.send(project, Alerts.firing(), List.of("ops"));

      worker.deliverDue();
      clock.advance(Duration.ofHours(2));
      assertThat(worker.deliverDue()).isZero();

      assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
      assertThat(only().lastError()).isEqualTo("HTTP 400: receiver says no");
    }
  }

  @Test
  void givesUpAfterTheLastAttemptAndSaysSo() {
    Notifications n = notifications(new Channel.Slack("ops", URI.create("http://127.0.0.1:1/hook")));
    DeliveryWorker worker = new DeliveryWorker(n, storage.deliveryStore(), null, clock);
    n.send(project, Alerts.firing(), List.of("ops"));

    for (int i = 0; i < DeliveryWorker.MAX_ATTEMPTS; i++) {
      assertThat(worker.deliverDue()).isEqualTo(1);
      clock.advance(DeliveryWorker.MAX_RETRY);
    }
    assertThat(worker.deliverDue()).isZero();
    assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
    assertThat(only().attempts()).isEqualTo(DeliveryWorker.MAX_ATTEMPTS);
    assertThat(only().lastError()).startsWith("gave up after 10 attempts: could not reach the receiver");
  }

  @Test
  void theSameEventIsQueuedOncePerChannel() throws Exception {
    try (Receiver a = new Receiver(); Receiver b = new Receiver()) {
      Notifications n = notifications(new Channel.Slack("a", a.url("/")), new Channel.Webhook("b", b.url("/"), "k"));
      DeliveryWorker worker = new DeliveryWorker(n, storage.deliveryStore(), null, clock);

      n.send(project, Alerts.firing(), List.of("a", "b"));
      n.send(project, Alerts.firing(), List.of("a", "b")); // a retried evaluation
      n.send(project, Alerts.resolved(), List.of("a"));
      worker.deliverDue();

      assertThat(a.requests).hasSize(2);
      assertThat(b.requests).hasSize(1);
    }
  }

  @Test
  void pendingDeliveriesAreSentAfterARestart() throws Exception {
    try (Receiver hook = new Receiver()) {
      Channel channel = new Channel.Webhook("hook", hook.url("/"), "k");
      notifications(channel).send(project, Alerts.firing(), List.of("hook"));
      storage.close(); // the process stops before the worker ran

      storage = DuckDbStorage.builder(dir).build();
      new DeliveryWorker(notifications(channel), storage.deliveryStore(), null, clock).deliverDue();

      assertThat(hook.requests).hasSize(1);
      assertThat(only().state()).isEqualTo(DeliveryState.DELIVERED);
    }
  }

  @Test
  void aMissingChannelOrSmtpServerFailsVisibly() {
    Notifications n = notifications(new Channel.Email("team", List.of("oncall@example.com")));
    n.send(project, Alerts.firing(), List.of("team"));
    new DeliveryWorker(n, storage.deliveryStore(), null, clock).deliverDue();
    assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
    assertThat(only().lastError()).contains("needs an SMTP server");

    assertThatThrownBy(() -> n.send(project, Alerts.firing(), List.of("nope")))
        .hasMessageContaining("no notification channel named 'nope'");
  }

  @Test
  void backoffDoublesFromThirtySecondsToAnHour() {
    assertThat(DeliveryWorker.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(DeliveryWorker.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(DeliveryWorker.backoff(5)).isEqualTo(Duration.ofMinutes(8));
    assertThat(DeliveryWorker.backoff(9)).isEqualTo(Duration.ofHours(1));
  }
}
