package dev.vigil.server.alert;

import dev.vigil.model.Delivery;
import dev.vigil.model.DeliveryAttempt;
import dev.vigil.model.DeliveryState;
import dev.vigil.storage.DeliveryStore;
import java.util.List;

/** The outbox of a preview replay: a rule that would have notified sends nothing. */
final class DiscardingOutbox implements DeliveryStore {
  @Override
  public boolean enqueue(Delivery delivery) {
    return true;
  }

  @Override
  public List<Delivery> due(long nowNanos, int limit) {
    return List.of();
  }

  @Override
  public void recordAttempt(long projectId, DeliveryAttempt attempt, DeliveryState state, long nextAttemptNanos) {}

  @Override
  public List<Delivery> deliveries(long projectId, int limit) {
    return List.of();
  }

  @Override
  public List<DeliveryAttempt> attempts(long projectId, String deliveryId) {
    return List.of();
  }
}
