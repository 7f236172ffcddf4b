package dev.vigil.model;

import java.util.Objects;

/**
 * One notification on its way to one channel: the outbox row a delivery worker retries until the
 * receiver accepts it or the attempts run out. {@code payload} is the notification as JSON, so the
 * store needs to know nothing about alerts. Idempotent on {@code id}.
 */
public record Delivery(
    String id,
    long projectId,
    String channel,
    String payload,
    DeliveryState state,
    int attempts,
    long createdEpochNanos,
    long nextAttemptEpochNanos,
    String lastError) {

  public Delivery {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(payload, "payload == null");
    state = state == null ? DeliveryState.PENDING : state;
  }

  /** A new delivery, due at once. */
  public static Delivery pending(String id, long projectId, String channel, String payload, long nowNanos) {
    return new Delivery(id, projectId, channel, payload, DeliveryState.PENDING, 0, nowNanos, nowNanos, null);
  }
}
