package dev.vigil.server.alert.notify;

import dev.vigil.model.Delivery;
import dev.vigil.model.DeliveryAttempt;
import dev.vigil.model.DeliveryState;
import dev.vigil.server.alert.Notification;
import dev.vigil.storage.DeliveryStore;
import dev.vigil.util.EpochNanos;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries from the outbox, each on its own virtual thread so one slow receiver never
 * delays the others. A retryable failure is tried again after 30 s, doubling up to an hour, until
 * {@link #MAX_ATTEMPTS}; then, or at once for a failure retrying cannot fix, the delivery is FAILED —
 * kept with every attempt and its error, never dropped silently.
 */
public final class DeliveryWorker implements AutoCloseable {
  static final int MAX_ATTEMPTS = 10;
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration MAX_RETRY = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int BATCH = 100;

  private final Notifications notifications;
  private final DeliveryStore outbox;
  private final Clock clock;
  private final SlackNotifier slack;
  private final PagerDutyNotifier pagerDuty;
  private final WebhookNotifier webhook;
  private final EmailNotifier email; // null without SMTP settings
  private ScheduledExecutorService timer;

  public DeliveryWorker(Notifications notifications, DeliveryStore outbox, SmtpSettings smtp, Clock clock) {
    this.notifications = notifications;
    this.outbox = outbox;
    this.clock = clock;
    JsonPost http = JsonPost.create();
    this.slack = new SlackNotifier(http, notifications.json());
    this.pagerDuty = new PagerDutyNotifier(http, notifications.json());
    this.webhook = new WebhookNotifier(http, notifications.json(), clock);
    this.email = smtp == null ? null : new EmailNotifier(smtp);
  }

  /** Polls the outbox every {@code interval} on a background thread. */
  public synchronized void start(Duration interval) {
    if (timer != null) return;
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-notify").daemon().factory());
    timer.scheduleWithFixedDelay(this::deliverQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void deliverQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("notification delivery pass failed; will try again: {}", e.getMessage());
    }
  }

  /** One pass: sends everything due now and records each attempt; returns how many were attempted. */
  public int deliverDue() {
    long now = EpochNanos.of(clock.instant());
    List<Delivery> due = outbox.due(now, BATCH);
    if (due.isEmpty()) return 0;
    List<Callable<Void>> sends = new ArrayList<>();
    for (Delivery d : due) sends.add(() -> { attempt(d); return null; });
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      threads.invokeAll(sends);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return due.size();
  }

  private void attempt(Delivery d) {
    int attempt = d.attempts() + 1;
    SendResult result = send(d);
    long now = EpochNanos.of(clock.instant());
    DeliveryState next;
    long nextAt = now;
    String error = result.error();
    if (result.ok()) {
      next = DeliveryState.DELIVERED;
    } else if (result.retryable() && attempt < MAX_ATTEMPTS) {
      next = DeliveryState.PENDING;
      nextAt = now + backoff(attempt).toNanos();
    } else {
      next = DeliveryState.FAILED;
      if (result.retryable()) error = "gave up after " + attempt + " attempts: " + error;
      LOG.warn("notification {} to channel '{}' failed: {}", d.id(), d.channel(), error);
    }
    outbox.recordAttempt(d.projectId(), new DeliveryAttempt(d.id(), attempt, now, result.ok(), result.status(), error),
        next, nextAt);
  }

  private SendResult send(Delivery d) {
    Channel channel = notifications.channels().get(d.channel());
    if (channel == null) return SendResult.refused("no notification channel named '" + d.channel() + "' is configured");
    Notification n;
    try {
      n = notifications.decode(d.payload());
    } catch (Exception e) {
      return SendResult.refused("unreadable notification: " + e.getMessage());
    }
    return switch (channel) {
      case Channel.Slack c -> slack.send(c, n);
      case Channel.PagerDuty c -> pagerDuty.send(c, n);
      case Channel.Webhook c -> webhook.send(c, n);
      case Channel.Email c -> email == null ? SendResult.refused("email channel '" + c.name()
          + "' needs an SMTP server (smtp_host)") : email.send(c, n);
    };
  }

  /** 30 s after the first failure, doubling, at most an hour. */
  static Duration backoff(int attempt) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
    timer = null;
  }
}
