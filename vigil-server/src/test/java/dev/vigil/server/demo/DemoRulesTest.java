package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.AlertsFile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's alert rules are valid as the rules API parses them, and need no channel. */
class DemoRulesTest {

  @Test
  void everyDemoRuleParses() {
    for (String name : DemoRules.NAMES) {
      AlertRule rule = AlertsFile.parseRule(name, DemoRules.yaml(name), Set.of());
      assertThat(rule.name()).isEqualTo(name);
      assertThat(rule.channels()).isEmpty();
    }
    assertThat(AlertsFile.parseRule("support-thumbs", DemoRules.yaml("support-thumbs"), Set.of()).condition().toString())
        .isEqualTo("feedback.positive_rate < 0.75 for 10m");
  }
}
