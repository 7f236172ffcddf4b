package dev.vigil.storage.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Delivery;
import dev.vigil.model.DeliveryAttempt;
import dev.vigil.model.DeliveryState;
import dev.vigil.storage.DeliveryStore;
import org.junit.jupiter.api.Test;

/** The notification outbox: idempotent enqueue, due order, attempts, survival across a restart. */
public abstract class ITDeliveries extends StorageTestBase {
  private static final long T0 = 1_795_000_000_000_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private DeliveryStore store() {
    return storage.deliveryStore();
  }

  @Test
  public void enqueueIsIdempotentOnId() {
    assertThat(store().enqueue(Delivery.pending("d1", project, "slack", "{\"a\":1}", T0))).isTrue();
    assertThat(store().enqueue(Delivery.pending("d1", project, "slack", "{\"a\":2}", T0))).isFalse();
    assertThat(store().deliveries(project, 10)).singleElement()
        .satisfies(d -> assertThat(d.payload()).isEqualTo("{\"a\":1}"));
  }

  @Test
  public void dueDeliveriesOldestFirstAndOnlyWhenDue() {
    store().enqueue(Delivery.pending("late", project, "pagerduty", "{}", T0 + 5 * SECOND));
    store().enqueue(Delivery.pending("early", project, "slack", "{}", T0));

    assertThat(store().due(T0, 10)).extracting(Delivery::id).containsExactly("early");
    assertThat(store().due(T0 + 5 * SECOND, 10)).extracting(Delivery::id).containsExactly("early", "late");
    assertThat(store().due(T0 + 5 * SECOND, 1)).extracting(Delivery::id).containsExactly("early");
  }

  @Test
  public void attemptsMoveADeliveryOnAndAreKept() {
    store().enqueue(Delivery.pending("d1", project, "webhook", "{}", T0));

    store().recordAttempt(project, new DeliveryAttempt("d1", 1, T0, false, 503, "503 Service Unavailable"),
        DeliveryState.PENDING, T0 + 30 * SECOND);
    assertThat(store().due(T0 + SECOND, 10)).isEmpty();
    Delivery retried = store().due(T0 + 30 * SECOND, 10).get(0);
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.lastError()).isEqualTo("503 Service Unavailable");

    store().recordAttempt(project, new DeliveryAttempt("d1", 2, T0 + 30 * SECOND, true, 200, null),
        DeliveryState.DELIVERED, T0 + 30 * SECOND);
    assertThat(store().due(T0 + 3600 * SECOND, 10)).isEmpty();
    assertThat(store().deliveries(project, 10)).singleElement().satisfies(d -> {
      assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.lastError()).isNull();
    });
    assertThat(store().attempts(project, "d1")).extracting(DeliveryAttempt::ok, DeliveryAttempt::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(false, 503), org.assertj.core.groups.Tuple.tuple(true, 200));
  }

  @Test
  public void failedDeliveriesAreKeptButNoLongerDue() {
    store().enqueue(Delivery.pending("d1", project, "email", "{}", T0));
    store().recordAttempt(project, new DeliveryAttempt("d1", 1, T0, false, null, "connection refused"),
        DeliveryState.FAILED, T0);

    assertThat(store().due(T0 + 3600 * SECOND, 10)).isEmpty();
    assertThat(store().deliveries(project, 10)).singleElement()
        .satisfies(d -> assertThat(d.state()).isEqualTo(DeliveryState.FAILED));
  }

  @Test
  public void pendingDeliveriesSurviveARestart() {
    store().enqueue(Delivery.pending("d1", project, "slack", "{\"text\":\"firing\"}", T0));
    reopen();
    assertThat(store().due(T0, 10)).singleElement().satisfies(d -> {
      assertThat(d.payload()).isEqualTo("{\"text\":\"firing\"}");
      assertThat(d.projectId()).isEqualTo(project);
    });
  }

  @Test
  public void anotherProjectSeesNeitherDeliveriesNorAttempts() {
    long other = storage.projectStore().createProject("other", null).id();
    store().enqueue(Delivery.pending("d1", project, "slack", "{}", T0));
    store().recordAttempt(project, new DeliveryAttempt("d1", 1, T0, true, 200, null), DeliveryState.DELIVERED, T0);

    assertThat(store().deliveries(other, 10)).isEmpty();
    assertThat(store().attempts(other, "d1")).isEmpty();
  }
}
