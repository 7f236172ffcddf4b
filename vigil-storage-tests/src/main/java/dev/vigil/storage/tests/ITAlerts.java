package dev.vigil.storage.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.model.AlertStatus;
import org.junit.jupiter.api.Test;

/** Alert state per (rule, group), its history, survival across a restart, isolation between projects. */
public abstract class ITAlerts extends StorageTestBase {
  private static final long T0 = 1_795_000_000_000_000_000L;

  @Test
  public void saveReplacesTheInstanceOfItsRuleAndGroup() {
    storage.alertStore().save(project, new AlertInstance("errors", "support-chat", AlertStatus.PENDING, T0, 0, 0.08, 0));
    storage.alertStore().save(project, new AlertInstance("errors", "support-chat", AlertStatus.FIRING, T0, T0 + 5, 0.09, T0 + 5));
    storage.alertStore().save(project, new AlertInstance("errors", "summarize", AlertStatus.PENDING, T0, 0, 0.07, 0));

    assertThat(storage.alertStore().instances(project)).extracting(AlertInstance::group, AlertInstance::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("summarize", AlertStatus.PENDING),
            org.assertj.core.groups.Tuple.tuple("support-chat", AlertStatus.FIRING));

    storage.alertStore().delete(project, "errors", "summarize");
    assertThat(storage.alertStore().instances(project)).singleElement()
        .satisfies(a -> assertThat(a.value()).isEqualTo(0.09));
  }

  @Test
  public void stateAndHistorySurviveARestart() {
    storage.alertStore().save(project, new AlertInstance("errors", "", AlertStatus.FIRING, T0, T0, 0.2, T0));
    storage.alertStore().record(project, new AlertEvent("errors", "", AlertStatus.FIRING, 0.2, T0, "error rate 20%"));
    storage.alertStore().record(project, new AlertEvent("errors", "", AlertStatus.RESOLVED, 0.01, T0 + 60, null));
    reopen();

    assertThat(storage.alertStore().instances(project)).singleElement()
        .satisfies(a -> assertThat(a.firingSinceEpochNanos()).isEqualTo(T0));
    assertThat(storage.alertStore().history(project, 10)).extracting(AlertEvent::status)
        .containsExactly(AlertStatus.RESOLVED, AlertStatus.FIRING);
  }

  @Test
  public void anotherProjectSeesNoAlerts() {
    long other = storage.projectStore().createProject("other", null).id();
    storage.alertStore().save(project, new AlertInstance("errors", "", AlertStatus.FIRING, T0, T0, 0.2, T0));
    storage.alertStore().record(project, new AlertEvent("errors", "", AlertStatus.FIRING, 0.2, T0, null));

    assertThat(storage.alertStore().instances(other)).isEmpty();
    assertThat(storage.alertStore().history(other, 10)).isEmpty();
  }
}
