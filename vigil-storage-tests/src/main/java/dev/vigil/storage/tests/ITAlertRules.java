package dev.vigil.storage.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Silence;
import dev.vigil.storage.StoredAlertRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API alert rules and silences: replace by name, expire, survive a restart, stay in their project. */
public abstract class ITAlertRules extends StorageTestBase {
  private static final long T0 = 1_795_000_000_000_000_000L;
  private static final long HOUR = 3_600_000_000_000L;

  @Test
  public void putReplacesARuleByNameAndDeleteRemovesIt() {
    storage.alertRuleStore().putRule(project, new StoredAlertRule("errors", "condition: error_rate > 0.1", T0));
    storage.alertRuleStore().putRule(project, new StoredAlertRule("errors", "condition: error_rate > 0.2", T0 + 1));
    storage.alertRuleStore().putRule(project, new StoredAlertRule("cost", "condition: cost > 5", T0));

    assertThat(storage.alertRuleStore().rules(project)).extracting(StoredAlertRule::name).containsExactly("cost", "errors");
    assertThat(storage.alertRuleStore().rule(project, "errors")).get()
        .satisfies(r -> assertThat(r.text()).isEqualTo("condition: error_rate > 0.2"))
        .satisfies(r -> assertThat(r.updatedEpochNanos()).isEqualTo(T0 + 1));

    assertThat(storage.alertRuleStore().deleteRule(project, "errors")).isTrue();
    assertThat(storage.alertRuleStore().deleteRule(project, "errors")).isFalse();
    assertThat(storage.alertRuleStore().rule(project, "errors")).isEmpty();
  }

  @Test
  public void silencesKeepTheirMatchersAndExpire() {
    Silence s = new Silence("s1", Map.of("rule", "errors", "feature", "support-chat"), T0, T0 + 2 * HOUR, "deploy",
        "alice", T0);
    storage.alertRuleStore().addSilence(project, s);
    storage.alertRuleStore().addSilence(project, new Silence("s2", Map.of("feature", "summarize"), T0, T0 + HOUR, null, null, T0 + 5));

    assertThat(storage.alertRuleStore().silences(project)).extracting(Silence::id).containsExactly("s2", "s1");
    assertThat(storage.alertRuleStore().silence(project, "s1")).contains(s);

    assertThat(storage.alertRuleStore().expireSilence(project, "s1", T0 + HOUR)).isTrue();
    Silence expired = storage.alertRuleStore().silence(project, "s1").orElseThrow();
    assertThat(expired.endsEpochNanos()).isEqualTo(T0 + HOUR);
    assertThat(expired.activeAt(T0 + HOUR)).isFalse();
    // expiring later than the end changes nothing
    storage.alertRuleStore().expireSilence(project, "s1", T0 + 3 * HOUR);
    assertThat(storage.alertRuleStore().silence(project, "s1").orElseThrow().endsEpochNanos()).isEqualTo(T0 + HOUR);

    assertThat(storage.alertRuleStore().deleteSilence(project, "s2")).isTrue();
    assertThat(storage.alertRuleStore().silences(project)).extracting(Silence::id).containsExactly("s1");
    assertThat(storage.alertRuleStore().expireSilence(project, "nope", T0)).isFalse();
  }

  @Test
  public void rulesAndSilencesSurviveARestart() {
    storage.alertRuleStore().putRule(project, new StoredAlertRule("errors", "condition: error_rate > 0.1", T0));
    storage.alertRuleStore().addSilence(project, new Silence("s1", Map.of("rule", "errors"), T0, T0 + HOUR, "c", "bob", T0));
    reopen();

    assertThat(storage.alertRuleStore().rules(project)).extracting(StoredAlertRule::name).containsExactly("errors");
    assertThat(storage.alertRuleStore().silence(project, "s1")).get()
        .satisfies(x -> assertThat(x.matchers()).isEqualTo(Map.of("rule", "errors")))
        .satisfies(x -> assertThat(x.createdBy()).isEqualTo("bob"));
  }

  @Test
  public void anotherProjectSeesNoRulesOrSilences() {
    long other = storage.projectStore().createProject("other", null).id();
    storage.alertRuleStore().putRule(project, new StoredAlertRule("errors", "condition: error_rate > 0.1", T0));
    storage.alertRuleStore().addSilence(project, new Silence("s1", Map.of("rule", "errors"), T0, T0 + HOUR, null, null, T0));

    assertThat(storage.alertRuleStore().rules(other)).isEmpty();
    assertThat(storage.alertRuleStore().rule(other, "errors")).isEmpty();
    assertThat(storage.alertRuleStore().silences(other)).isEmpty();
    assertThat(storage.alertRuleStore().expireSilence(other, "s1", T0)).isFalse();
    assertThat(storage.alertRuleStore().deleteRule(other, "errors")).isFalse();
    assertThat(storage.alertRuleStore().deleteSilence(other, "s1")).isFalse();
    assertThat(storage.alertRuleStore().silences(project)).hasSize(1);
  }
}
