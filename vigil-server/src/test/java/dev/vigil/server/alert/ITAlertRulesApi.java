package dev.vigil.server.alert;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules and silences through the API on a real server: validation with the rules file's messages,
 * file rules read-only, projects kept apart, a silence keeping a real webhook from being sent while
 * the rule next to it pages, and the preview replaying the evaluator over past traffic.
 */
class ITAlertRulesApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private HttpServer receiver;
  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    Path rules = dir.resolve("alerts.yaml");
    Files.writeString(rules, """
        channels:
          - {name: hook, type: webhook, url: "http://127.0.0.1:%d/hook", secret: s3cret}
        rules:
          - name: file-errors
            condition: error_rate > 0.5
            channels: [hook]
        """.formatted(receiver.getAddress().getPort()));
    vigil = new TestServer(dir.resolve("data"), Map.of("VIGIL_ALERTING_RULES_FILE", rules.toString(),
        "VIGIL_ALERTING_INTERVAL_SECONDS", "1"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
    receiver.stop(0);
  }

  @Test
  void rulesAreCreatedReplacedListedAndDeleted() throws Exception {
    var created = put("slow", TestServer.KEY, """
        condition: latency_p95_ms > 1000 for 5m
        where: {feature: support-chat}
        severity: critical
        channels: [hook]
        """);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).get("source").asText()).isEqualTo("api");
    assertThat(JSON.readTree(created.body()).get("condition").asText()).isEqualTo("latency_p95_ms > 1000.0 for 5m");

    var replaced = put("slow", TestServer.KEY, "{\"condition\": \"latency_p95_ms > 2000\", \"window\": \"10m\"}");
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(replaced.body()).get("window_seconds").asInt()).isEqualTo(600);

    JsonNode list = JSON.readTree(vigil.get("/api/v1/alerts/rules", TestServer.KEY).body());
    assertThat(list.get("rules")).extracting(r -> r.get("name").asText() + ":" + r.get("source").asText())
        .containsExactly("file-errors:file", "slow:api");
    assertThat(list.get("channels")).extracting(JsonNode::asText).containsExactly("hook");
    assertThat(JSON.readTree(vigil.get("/api/v1/alerts", TestServer.KEY).body()).get("rules")).hasSize(2);

    assertThat(vigil.json("DELETE", "/api/v1/alerts/rules/slow", TestServer.KEY, null).statusCode()).isEqualTo(204);
    assertThat(vigil.get("/api/v1/alerts/rules/slow", TestServer.KEY).statusCode()).isEqualTo(404);
    assertThat(vigil.json("DELETE", "/api/v1/alerts/rules/slow", TestServer.KEY, null).statusCode()).isEqualTo(404);
  }

  @Test
  void badRulesAre400WithTheRulesFilesMessages() throws Exception {
    assertError(put("bad", TestServer.KEY, "condition: bogus > 1"), 400, "rule 'bad': condition: condition 'bogus > 1' at column 1: unknown metric 'bogus'");
    assertError(put("bad", TestServer.KEY, "condition: error_rate >> 1"), 400,
        "rule 'bad': condition: condition 'error_rate >> 1' at column 13: '>' is not a threshold");
    assertError(put("bad", TestServer.KEY, "{condition: 'error_rate > 0.1', window: 5 minutes}"), 400,
        "rule 'bad': window: duration '5 minutes' is not like 30s, 5m, 2h or 1d");
    assertError(put("bad", TestServer.KEY, "{condition: 'error_rate > 0.1', channels: [pager]}"), 400,
        "rule 'bad': channels: no channel named 'pager' (channels: [hook])");
    assertError(put("bad", TestServer.KEY, "{condition: 'error_rate > 0.1', where: {colour: red}}"), 400, "rule 'bad': where: ");
    assertError(put("bad", TestServer.KEY, "{name: other, condition: 'error_rate > 0.1'}"), 400,
        "the body names 'other' but the path names 'bad'");
    assertError(put("bad", TestServer.KEY, "- just\n- a list"), 400, "expected a mapping of rule fields");
    assertError(put("bad", TestServer.KEY, ""), 400, "the body must be the rule");
    assertError(put("file-errors", TestServer.KEY, "condition: error_rate > 0.9"), 409, "defined in the rules file");
    assertError(vigil.json("DELETE", "/api/v1/alerts/rules/file-errors", TestServer.KEY, null), 409, "defined in the rules file");
    assertThat(JSON.readTree(vigil.get("/api/v1/alerts/rules", TestServer.KEY).body()).get("rules")).hasSize(1);
  }

  @Test
  void rulesAndSilencesOfOneProjectAreInvisibleToAnother() throws Exception {
    String keyB = JSON.readTree(vigil.json("POST", "/api/v1/projects", TestServer.KEY, "{\"name\":\"b\"}").body())
        .get("api_key").get("secret").asText();
    assertThat(put("mine", TestServer.KEY, "condition: cost > 5").statusCode()).isEqualTo(201);
    String silence = JSON.readTree(vigil.json("POST", "/api/v1/alerts/silences", TestServer.KEY,
        "{\"matchers\": {\"rule\": \"mine\"}, \"duration\": \"1h\"}").body()).get("id").asText();

    assertThat(JSON.readTree(vigil.get("/api/v1/alerts/rules", keyB).body()).get("rules"))
        .extracting(r -> r.get("name").asText()).containsExactly("file-errors");
    assertThat(vigil.get("/api/v1/alerts/rules/mine", keyB).statusCode()).isEqualTo(404);
    assertThat(vigil.json("DELETE", "/api/v1/alerts/rules/mine", keyB, null).statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(vigil.get("/api/v1/alerts/silences", keyB).body()).get("silences")).isEmpty();
    assertThat(vigil.get("/api/v1/alerts/silences/" + silence, keyB).statusCode()).isEqualTo(404);
    assertThat(vigil.json("POST", "/api/v1/alerts/silences/" + silence + "/expire", keyB, null).statusCode()).isEqualTo(404);
    assertThat(vigil.json("DELETE", "/api/v1/alerts/silences/" + silence, keyB, null).statusCode()).isEqualTo(404);
    // B may use the same name for its own rule
    assertThat(put("mine", keyB, "condition: cost > 50").statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(vigil.get("/api/v1/alerts/rules/mine", TestServer.KEY).body()).get("condition").asText())
        .isEqualTo("cost > 5.0");
    assertThat(JSON.readTree(vigil.get("/api/v1/alerts/silences", TestServer.KEY).body()).get("silences")).hasSize(1);
  }

  @Test
  void badSilencesAre400WithAMessage() throws Exception {
    assertError(silence("{\"duration\": \"1h\"}"), 400, "'matchers' must map");
    assertError(silence("{\"matchers\": {}, \"duration\": \"1h\"}"), 400, "'matchers' must map");
    assertError(silence("{\"matchers\": {\"feature\": 3}, \"duration\": \"1h\"}"), 400, "matchers: 'feature' must be a non-empty string");
    assertError(silence("{\"matchers\": {\"feature\": \"x\"}}"), 400, "'ends_at' or 'duration' is required");
    assertError(silence("{\"matchers\": {\"feature\": \"x\"}, \"duration\": \"forever\"}"), 400, "'duration' must be like");
    assertError(silence("{\"matchers\": {\"feature\": \"x\"}, \"ends_at\": \"2001-01-01T00:00:00Z\"}"), 400, "'ends_at' is in the past");
    assertError(silence("{\"matchers\": {\"feature\": \"x\"}, \"ends_at\": \"tomorrow\"}"), 400, "'ends_at' must be an ISO-8601 time");
    assertError(silence("{\"matchers\": {\"feature\": \"x\"}, \"duration\": \"1h\", \"colour\": 1}"), 400, "unknown field 'colour'");
    assertError(silence("not json"), 400, "the body must be JSON");
    assertThat(vigil.json("POST", "/api/v1/alerts/silences", null, "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void aSilenceKeepsItsAlertsWebhookFromBeingSentWhileTheUnsilencedRulePages() throws Exception {
    String rule = "{condition: 'latency_p95_ms > 1000', where: {feature: support-chat}, min_samples: 3, channels: [hook]}";
    assertThat(put("slow-quiet", TestServer.KEY, rule).statusCode()).isEqualTo(201);
    assertThat(put("slow-loud", TestServer.KEY, rule).statusCode()).isEqualTo(201);
    var created = silence("{\"matchers\": {\"rule\": \"slow-quiet\", \"feature\": \"support-chat\"}, \"duration\": \"2h\", "
        + "\"comment\": \"known slowness during the migration\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode s = JSON.readTree(created.body());
    assertThat(s.get("state").asText()).isEqualTo("active");
    assertThat(s.get("created_by").asText()).startsWith("key:");
    assertThat(s.get("comment").asText()).isEqualTo("known slowness during the migration");

    sendSlowCalls(System.currentTimeMillis() * 1_000_000L, 4);

    JsonNode got = received.poll(60, TimeUnit.SECONDS);
    assertThat(got).as("the unsilenced rule pages within a minute").isNotNull();
    assertThat(got.get("rule").asText()).isEqualTo("slow-loud");
    JsonNode history = waitForHistory("slow-quiet");
    assertThat(history.get("status").asText()).isEqualTo("firing");
    assertThat(history.get("message").asText()).contains("silenced by " + s.get("id").asText()).contains("not notified");
    JsonNode active = JSON.readTree(vigil.get("/api/v1/alerts", TestServer.KEY).body()).get("active");
    assertThat(active).extracting(a -> a.get("rule").asText() + ":" + a.get("status").asText())
        .contains("slow-quiet:firing", "slow-loud:firing");
    assertThat(received.poll(3, TimeUnit.SECONDS)).as("nothing for the silenced rule").isNull();
    JsonNode deliveries = JSON.readTree(vigil.get("/api/v1/alerts/deliveries", TestServer.KEY).body()).get("deliveries");
    assertThat(deliveries).extracting(d -> d.get("notification").get("rule").asText()).containsOnly("slow-loud");

    var expired = vigil.json("POST", "/api/v1/alerts/silences/" + s.get("id").asText() + "/expire", TestServer.KEY, null);
    assertThat(expired.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(expired.body()).get("state").asText()).isEqualTo("expired");
  }

  @Test
  void thePreviewReplaysTheRuleOverPastTraffic() throws Exception {
    long now = System.currentTimeMillis() * 1_000_000L;
    long hour = 3_600_000_000_000L;
    sendSlowCalls(now - 2 * hour, 5); // slow calls two hours ago, none since
    var response = vigil.json("POST", "/api/v1/alerts/preview", TestServer.KEY, """
        {"rule": {"name": "slow", "condition": "latency_p95_ms > 1000 for 10m", "window": "30m", "min_samples": 3},
         "from": "%s", "step": "5m"}""".formatted(java.time.Instant.ofEpochSecond(0, now - 3 * hour)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode p = JSON.readTree(response.body());
    assertThat(p.get("threshold").asDouble()).isEqualTo(1000);
    assertThat(p.get("step_seconds").asInt()).isEqualTo(300);
    assertThat(p.get("series")).isNotEmpty().allSatisfy(pt -> assertThat(pt.get("value").asDouble()).isGreaterThan(1000));
    // the slow calls are in the 30m window for six 5m steps: pending at the first, firing 10 minutes later
    assertThat(p.get("series")).hasSize(6);
    assertThat(p.get("intervals")).extracting(i -> i.get("status").asText()).containsExactly("pending", "firing");
    JsonNode pending = p.get("intervals").get(0);
    JsonNode firing = p.get("intervals").get(1);
    assertThat(java.time.Duration.between(java.time.Instant.parse(pending.get("from").asText()),
        java.time.Instant.parse(firing.get("from").asText()))).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(pending.get("to").asText()).isEqualTo(firing.get("from").asText());
    assertThat(JSON.readTree(vigil.get("/api/v1/alerts", TestServer.KEY).body()).get("active")).as("the replay touches no live alert")
        .isEmpty();

    assertError(vigil.json("POST", "/api/v1/alerts/preview", TestServer.KEY, "{\"rule\": {\"condition\": \"nope\"}}"), 400,
        "rule 'preview': condition: condition 'nope' at column 1: unknown metric 'nope'");
    assertError(vigil.json("POST", "/api/v1/alerts/preview", TestServer.KEY, "{\"rule\": \"condition: cost > 1\", \"step\": \"10s\"}"),
        400, "'step' must be at least 1m");
    assertError(vigil.json("POST", "/api/v1/alerts/preview", TestServer.KEY, "{\"rule\": \"condition: cost > 1\", \"step\": \"1m\", "
        + "\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-20T00:00:00Z\"}"), 400, "more than 2000 evaluations");
    assertError(vigil.json("POST", "/api/v1/alerts/preview", TestServer.KEY, "{\"condition\": \"cost > 1\"}"), 400, "unknown field 'condition'");
    assertError(vigil.json("POST", "/api/v1/alerts/preview", TestServer.KEY, "{}"), 400, "'rule' is required");
  }

  private void sendSlowCalls(long startNanos, int n) {
    for (int i = 0; i < n; i++) { // each LLM call takes 1.5 s
      var request = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), startNanos - (i + 1) * 5_000_000_000L, "gpt-4o", "q" + i);
      assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
          .isEqualTo(200);
    }
    vigil.flush();
  }

  private JsonNode waitForHistory(String rule) throws Exception {
    for (int i = 0; i < 100; i++) {
      for (JsonNode e : JSON.readTree(vigil.get("/api/v1/alerts/history", TestServer.KEY).body()).get("events")) {
        if (e.get("rule").asText().equals(rule) && e.get("status").asText().equals("firing")) return e;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no firing event for " + rule);
  }

  private HttpResponse<String> put(String name, String key, String body) {
    return vigil.json("PUT", "/api/v1/alerts/rules/" + name, key, body);
  }

  private HttpResponse<String> silence(String body) {
    return vigil.json("POST", "/api/v1/alerts/silences", TestServer.KEY, body);
  }

  private static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(JSON.readTree(r.body()).get("error").asText()).contains(message);
  }
}
