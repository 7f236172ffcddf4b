package dev.vigil.storage;

import dev.vigil.model.Delivery;
import dev.vigil.model.DeliveryAttempt;
import dev.vigil.model.DeliveryState;
import java.util.List;

/**
 * The notification outbox: deliveries survive restarts until accepted or given up, and every
 * attempt is kept. Writes are durable when they return.
 */
public interface DeliveryStore {

  /** Adds a delivery unless one with its id exists; returns whether it was new. */
  boolean enqueue(Delivery delivery);

  /** Pending deliveries of every project due at {@code nowNanos}, oldest due first. */
  List<Delivery> due(long nowNanos, int limit);

  /**
   * Records an attempt and moves the delivery on: to {@code state}, due again at {@code nextAttemptNanos}
   * when still pending.
   */
  void recordAttempt(long projectId, DeliveryAttempt attempt, DeliveryState state, long nextAttemptNanos);

  /** A project's deliveries, newest first. */
  List<Delivery> deliveries(long projectId, int limit);

  /** One delivery's attempts, oldest first; empty for another project's delivery. */
  List<DeliveryAttempt> attempts(long projectId, String deliveryId);
}
