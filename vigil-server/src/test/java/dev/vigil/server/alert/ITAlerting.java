package dev.vigil.server.alert;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.net.InetSocketAddress;
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
 * Alerting end to end: a real server with a rules file, spans over OTLP, the rule firing on its
 * own schedule, a signed webhook reaching a real receiver, and the alert API showing all of it.
 */
class ITAlerting {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private HttpServer receiver;
  private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
  private TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(Map.of("body", body, "signature", exchange.getRequestHeaders().getFirst("X-Vigil-Signature"),
          "timestamp", exchange.getRequestHeaders().getFirst("X-Vigil-Timestamp")));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    Path rules = dir.resolve("alerts.yaml");
    Files.writeString(rules, """
        channels:
          - {name: hook, type: webhook, url: "http://127.0.0.1:%d/hook", secret: s3cret}
        rules:
          - name: slow-support
            condition: latency_p95_ms > 1000
            where: {feature: support-chat}
            min_samples: 3
            severity: critical
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
  void slowCallsFireTheRuleAndASignedWebhookArrives() throws Exception {
    long now = System.currentTimeMillis() * 1_000_000L;
    for (int i = 0; i < 4; i++) { // each LLM call takes 1.5 s
      var request = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), now - (i + 1) * 5_000_000_000L, "gpt-4o", "q" + i);
      assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
          .isEqualTo(200);
    }

    Map<String, String> got = received.poll(60, TimeUnit.SECONDS); // evaluated every second; generous for slow CI
    assertThat(got).as("a webhook within a minute").isNotNull();
    JsonNode body = JSON.readTree(got.get("body"));
    assertThat(body.get("state").asText()).isEqualTo("firing");
    assertThat(body.get("rule").asText()).isEqualTo("slow-support");
    assertThat(body.get("severity").asText()).isEqualTo("critical");
    assertThat(body.get("labels").get("feature").asText()).isEqualTo("support-chat");
    // what a receiver does: HMAC-SHA256 over "<timestamp>.<raw body>" with the shared secret
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((got.get("timestamp") + "." + got.get("body")).getBytes(StandardCharsets.UTF_8));
    assertThat(got.get("signature")).isEqualTo("v1=" + java.util.HexFormat.of().formatHex(expected));

    JsonNode alerts = JSON.readTree(vigil.get("/api/v1/alerts", TestServer.KEY).body());
    assertThat(alerts.get("rules").get(0).get("condition").asText()).isEqualTo("latency_p95_ms > 1000.0");
    assertThat(alerts.get("active")).singleElement().satisfies(a -> assertThat(a.get("status").asText()).isEqualTo("firing"));
    JsonNode deliveries = pollDelivered();
    assertThat(deliveries.get(0).get("notification").get("rule").asText()).isEqualTo("slow-support");
    String id = deliveries.get(0).get("id").asText();
    JsonNode attempts = JSON.readTree(vigil.get("/api/v1/alerts/deliveries/" + id + "/attempts", TestServer.KEY).body());
    assertThat(attempts.get("attempts")).singleElement().satisfies(a -> assertThat(a.get("status").asInt()).isEqualTo(204));
    assertThat(JSON.readTree(vigil.get("/api/v1/alerts/history", TestServer.KEY).body()).get("events"))
        .extracting(e -> e.get("status").asText()).contains("firing");
    assertThat(received.poll(3, TimeUnit.SECONDS)).as("firing is told once").isNull();
  }

  @Test
  void badLimitsAndMissingKeysAreRefused() {
    assertThat(vigil.get("/api/v1/alerts/history?limit=0", TestServer.KEY).statusCode()).isEqualTo(400);
    assertThat(vigil.get("/api/v1/alerts", null).statusCode()).isEqualTo(401);
  }

  /** The delivery is recorded as delivered just after the receiver answers. */
  private JsonNode pollDelivered() throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode d = JSON.readTree(vigil.get("/api/v1/alerts/deliveries", TestServer.KEY).body()).get("deliveries");
      if (d.size() > 0 && d.get(0).get("state").asText().equals("delivered")) return d;
      Thread.sleep(100);
    }
    throw new AssertionError("no delivered notification in the API");
  }
}
