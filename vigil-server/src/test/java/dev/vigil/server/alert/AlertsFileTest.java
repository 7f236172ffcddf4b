package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.alert.notify.Channel;
import dev.vigil.storage.Dimension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsFileTest {
  private static final Map<String, String> ENV = Map.of("PD_KEY", "R0UTING", "HOOK_SECRET", "s3cret");

  private static AlertsFile parse(String yaml) {
    return AlertsFile.parse("alerts.yaml", yaml, ENV::get);
  }

  @Test
  void rulesAndChannelsWithSecretsFromTheEnvironment() {
    AlertsFile f = parse("""
        channels:
          - {name: oncall, type: pagerduty, routing_key: "${PD_KEY}"}
          - {name: audit, type: webhook, url: "https://hooks.example/vigil", secret: "${HOOK_SECRET}"}
          - {name: team, type: email, to: [oncall@example.com]}
          - {name: chat, type: slack, webhook_url: "https://hooks.slack.com/services/T/B/x"}
        rules:
          - name: support-errors
            condition: error_rate > 0.05 for 5m
            severity: critical
            window: 10m
            where: {feature: support-chat, model: [gpt-4o, gpt-4o-mini]}
            group_by: prompt_version
            min_samples: 20
            channels: [oncall, audit]
            runbook: https://runbooks.example/errors
            renotify: 4h
          - name: slow
            condition: latency_p95_ms > 4000
        """);

    assertThat(f.channels()).hasSize(4);
    assertThat(f.channels().get(0)).isEqualTo(new Channel.PagerDuty("oncall", "R0UTING", null));
    assertThat(((Channel.Webhook) f.channels().get(1)).secret()).isEqualTo("s3cret");
    AlertRule r = f.rules().get(0);
    assertThat(r.condition().forDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(r.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(r.where()).containsEntry(Dimension.MODEL, List.of("gpt-4o", "gpt-4o-mini"));
    assertThat(r.groupBy()).isEqualTo(Dimension.PROMPT_VERSION);
    assertThat(r.renotify()).isEqualTo(Duration.ofHours(4));
    AlertRule slow = f.rules().get(1);
    assertThat(slow.severity()).isEqualTo(Severity.WARNING);
    assertThat(slow.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(slow.minSamples()).isEqualTo(10);
  }

  @Test
  void mistakesSayWhereTheyAre() {
    assertThatThrownBy(() -> parse("rules:\n  - {name: a, condition: 'error_rate >> 1'}"))
        .hasMessageStartingWith("alerts.yaml: rules[0] 'a': condition: condition 'error_rate >> 1' at column 13: '>' is not a threshold");
    assertThatThrownBy(() -> parse("rules:\n  - {name: a, condition: 'daily_cost > 1.2 * budget'}"))
        .hasMessageContaining("rules[0] 'a': rule 'a': the condition compares with 'budget' but the rule sets no budget");
    assertThat(parse("rules:\n  - {name: a, condition: 'daily_cost > 1.2 * budget', budget: 40}").rules().get(0).budget())
        .isEqualTo(40.0);
    assertThatThrownBy(() -> parse("rules:\n  - {name: a, condition: 'error_rate > 1', window: five}"))
        .hasMessage("alerts.yaml: rules[0] 'a': window: duration 'five' is not like 30s, 5m, 2h or 1d");
    assertThatThrownBy(() -> parse("rules:\n  - {name: a, condition: 'error_rate > 1', channels: [nope]}"))
        .hasMessageContaining("rules[0] 'a': channels: no channel named 'nope'");
    assertThatThrownBy(() -> parse("rules:\n  - {name: a, condition: 'error_rate > 1', where: {colour: red}}"))
        .hasMessageContaining("rules[0] 'a': where: unknown dimension 'colour'");
    assertThatThrownBy(() -> parse("channels:\n  - {name: x, type: pagerduty, routing_key: '${MISSING}'}"))
        .hasMessage("alerts.yaml: channels[0]: routing_key: environment variable MISSING is not set");
    assertThatThrownBy(() -> parse("channels:\n  - {name: x, type: sms}"))
        .hasMessage("alerts.yaml: channels[0]: type: 'sms' is not one of slack, pagerduty, email, webhook");
    assertThatThrownBy(() -> parse("rule: []")).hasMessageContaining("unknown key 'rule'");
    assertThatThrownBy(() -> parse("rules: [ {")).hasMessageStartingWith("alerts.yaml: not valid YAML");
  }

  @Test
  void anEmptyFileHasNoRules() {
    assertThat(parse("")).isEqualTo(AlertsFile.EMPTY);
  }
}
