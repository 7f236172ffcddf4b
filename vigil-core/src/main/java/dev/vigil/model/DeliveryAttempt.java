package dev.vigil.model;

import java.util.Objects;

/**
 * One try at a delivery: when, whether the receiver accepted it, its HTTP status (null for email or
 * when no answer came) and what went wrong, so every failure is visible.
 */
public record DeliveryAttempt(String deliveryId, int attempt, long epochNanos, boolean ok, Integer status, String error) {
  public DeliveryAttempt {
    Objects.requireNonNull(deliveryId, "deliveryId == null");
  }
}
