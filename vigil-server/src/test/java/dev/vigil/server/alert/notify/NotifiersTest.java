package dev.vigil.server.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.TestClock;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each notifier's wire format, as a real HTTP receiver gets it. */
class NotifiersTest {
  private final ObjectMapper json = new ObjectMapper();
  private final JsonPost http = JsonPost.create();

  @Test
  void slackGetsATextFallbackAndBlocks() throws Exception {
    try (Receiver slack = new Receiver()) {
      SendResult r = new SlackNotifier(http, json).send(new Channel.Slack("ops", slack.url("/services/T0/B0/x")), Alerts.firing());

      assertThat(r.ok()).isTrue();
      JsonNode body = json.readTree(slack.requests.get(0).body());
      assertThat(body.get("text").asText()).contains("[FIRING critical] answer relevance p50 below 7 on support-chat");
      String blocks = body.get("blocks").toString();
      assertThat(blocks).contains("Probable cause:* prompt support-answer v3 deployed 09:52")
          .contains("<https://runbooks.example/answer-quality|Runbook>").contains("*feature:* support-chat");
      assertThat(slack.requests.get(0).header("Content-Type")).isEqualTo("application/json");
    }
  }

  @Test
  void pagerDutyTriggersAndResolvesUnderOneDedupKey() throws Exception {
    try (Receiver pd = new Receiver(202, 202)) {
      PagerDutyNotifier notifier = new PagerDutyNotifier(http, json);
      Channel.PagerDuty channel = new Channel.PagerDuty("oncall", "R0UTINGKEY", pd.url("/v2/enqueue"));

      assertThat(notifier.send(channel, Alerts.firing()).ok()).isTrue();
      assertThat(notifier.send(channel, Alerts.resolved()).ok()).isTrue();

      JsonNode trigger = json.readTree(pd.requests.get(0).body());
      JsonNode resolve = json.readTree(pd.requests.get(1).body());
      assertThat(trigger.get("routing_key").asText()).isEqualTo("R0UTINGKEY");
      assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
      assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
      assertThat(trigger.at("/payload/source").asText()).isEqualTo("vigil");
      assertThat(trigger.at("/payload/summary").asText()).startsWith("[FIRING critical]");
      assertThat(trigger.at("/payload/custom_details/probable_cause").asText()).contains("support-answer v3");
      assertThat(trigger.at("/links/1/href").asText()).isEqualTo("https://runbooks.example/answer-quality");
      assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
      assertThat(resolve.get("dedup_key").asText()).isEqualTo(trigger.get("dedup_key").asText()).isNotBlank();
      assertThat(resolve.has("payload")).isFalse();
    }
  }

  @Test
  void webhookBodiesAreSignedOverTimestampAndBody() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    try (Receiver hook = new Receiver()) {
      SendResult r = new WebhookNotifier(http, json, clock)
          .send(new Channel.Webhook("audit", hook.url("/hooks/vigil"), "s3cret"), Alerts.firing());

      assertThat(r.ok()).isTrue();
      Receiver.Request got = hook.requests.get(0);
      assertThat(got.header("X-Vigil-Timestamp")).isEqualTo("1795341600");
      // what a receiver does: HMAC-SHA256 of "<timestamp>.<raw body>" under the shared secret
      String expected = "v1=" + WebhookNotifier.sign("s3cret", got.header("X-Vigil-Timestamp"),
          got.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(got.header("X-Vigil-Signature")).isEqualTo(expected);
      assertThat(WebhookNotifier.sign("wrong", "1795341600", got.body().getBytes())).isNotEqualTo(expected.substring(3));
      JsonNode body = json.readTree(got.body());
      assertThat(body.get("state").asText()).isEqualTo("firing");
      assertThat(body.get("severity").asText()).isEqualTo("critical");
      assertThat(body.get("started_at").asText()).isEqualTo("2026-11-22T10:00:00Z");
    }
  }

  @Test
  void answersAreClassifiedForRetry() throws Exception {
    try (Receiver r = new Receiver(503, 429, 400, 404)) {
      Channel.Slack c = new Channel.Slack("ops", r.url("/x"));
      SlackNotifier slack = new SlackNotifier(http, json);
      assertThat(slack.send(c, Alerts.firing())).extracting(SendResult::ok, SendResult::status, SendResult::retryable)
          .containsExactly(false, 503, true);
      assertThat(slack.send(c, Alerts.firing()).retryable()).isTrue(); // 429
      SendResult bad = slack.send(c, Alerts.firing());
      assertThat(bad.retryable()).isFalse();
      assertThat(bad.error()).isEqualTo("HTTP 400: receiver says no");
      assertThat(slack.send(c, Alerts.firing()).retryable()).isFalse(); // 404
    }
  }

  @Test
  void anUnreachableReceiverIsRetryableAndTheUrlStaysSecret() {
    URI secretUrl = URI.create("http://127.0.0.1:1/services/T000/B000/SECRETTOKEN");
    SendResult r = new SlackNotifier(http, json).send(new Channel.Slack("ops", secretUrl), Alerts.firing());

    assertThat(r.ok()).isFalse();
    assertThat(r.retryable()).isTrue();
    assertThat(r.error()).startsWith("could not reach the receiver").doesNotContain("SECRETTOKEN");
  }
}
