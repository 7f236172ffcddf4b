package dev.vigil.server.alert;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control-chart view of a rule on a real server: the background evaluator warms a small EWMA
 * chart over spans sent through the native API, and the chart endpoint returns its state and the
 * per-window series with limits; unknown rules are 404 and rules without a chart clause 400.
 */
class ITAlertChartApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private TestServer vigil;

  @BeforeEach
  void start() {
    vigil = new TestServer(dir.resolve("data"), Map.of("VIGIL_ALERTING_INTERVAL_SECONDS", "1"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  /** Three calls a minute over the last ten minutes, latency around 200-230 ms. */
  static void seed(TestServer vigil) throws Exception {
    Instant now = Instant.now();
    List<String> items = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      for (int i = 0; i < 3; i++) {
        Instant start = now.minus(Duration.ofMinutes(m)).minusSeconds(1 + i);
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        long latencyMs = 200 + (m % 4) * 10 + i;
        items.add("""
            {"type": "span", "trace_id": "%s", "span_id": "%s", "name": "chat", "model": "gpt-4o", "feature": "support",
             "start_time_unix_nano": "%d", "end_time_unix_nano": "%d"}""".formatted(randomHex(16), randomHex(8), startNanos,
            startNanos + latencyMs * 1_000_000L));
      }
    }
    HttpResponse<String> r = vigil.json("POST", "/api/v1/ingest", TestServer.KEY, "{\"items\": [" + String.join(",", items) + "]}");
    assertThat(r.statusCode()).isEqualTo(207);
    assertThat(r.body()).doesNotContain("\"status\":400");
    vigil.flush();
  }

  @Test
  void aChartRuleShowsItsStateAndSeriesWithLimits() throws Exception {
    seed(vigil);
    assertThat(vigil.json("PUT", "/api/v1/alerts/rules/latency-chart", TestServer.KEY,
        "{\"condition\": \"ewma(latency_p95_ms, lambda=0.3, warmup=5) out of control\", \"window\": \"1m\", \"min_samples\": 1}")
        .statusCode()).isEqualTo(201);

    JsonNode chart = null;
    for (int tries = 0; tries < 100; tries++) { // the evaluator runs every second on its own thread
      HttpResponse<String> r = vigil.get("/api/v1/alerts/rules/latency-chart/chart", TestServer.KEY);
      assertThat(r.statusCode()).isEqualTo(200);
      chart = JSON.readTree(r.body()).get("charts").get(0);
      if (chart.get("state").get("warmed_up").asBoolean()) break;
      Thread.sleep(200);
    }
    assertThat(chart.get("kind").asText()).isEqualTo("ewma");
    assertThat(chart.get("clause").asText()).isEqualTo("ewma(latency_p95_ms, lambda=0.3, warmup=5) out of control");
    assertThat(chart.get("params").get("warmup").asInt()).isEqualTo(5);
    JsonNode state = chart.get("state");
    assertThat(state.get("warmed_up").asBoolean()).isTrue();
    assertThat(state.get("observations").asLong()).isGreaterThanOrEqualTo(6);
    assertThat(state.get("mean").asDouble()).isBetween(200.0, 235.0);
    assertThat(state.get("sigma").asDouble()).isPositive();
    assertThat(state.get("statistic").asDouble()).isBetween(200.0, 235.0);
    assertThat(state.get("out_of_control").asBoolean()).isFalse();

    JsonNode points = chart.get("points");
    assertThat(points.size()).isBetween(8, 11);
    for (JsonNode p : points) {
      assertThat(p.get("value").asDouble()).isBetween(200.0, 235.0);
      assertThat(p.get("samples").asLong()).isBetween(1L, 3L);
    }
    // replayed from the stored in-control mean: every window has a statistic inside its limits
    JsonNode last = points.get(points.size() - 1);
    assertThat(last.get("lower").asDouble()).isLessThan(state.get("mean").asDouble());
    assertThat(last.get("upper").asDouble()).isGreaterThan(state.get("mean").asDouble());
    assertThat(last.get("statistic").asDouble()).isBetween(last.get("lower").asDouble(), last.get("upper").asDouble());
    assertThat(last.get("out_of_control").asBoolean()).isFalse();
  }

  @Test
  void unknownRulesAre404AndRulesWithoutAChartAre400() throws Exception {
    HttpResponse<String> missing = vigil.get("/api/v1/alerts/rules/nope/chart", TestServer.KEY);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no alert rule 'nope'");

    assertThat(vigil.json("PUT", "/api/v1/alerts/rules/plain", TestServer.KEY, "{\"condition\": \"error_rate > 0.5\"}")
        .statusCode()).isEqualTo(201);
    HttpResponse<String> plain = vigil.get("/api/v1/alerts/rules/plain/chart", TestServer.KEY);
    assertThat(plain.statusCode()).isEqualTo(400);
    assertThat(plain.body()).contains("has no control-chart clause");

    assertThat(vigil.json("PUT", "/api/v1/alerts/rules/c", TestServer.KEY,
        "{\"condition\": \"cusum(error_rate, warmup=5) out of control\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> grouped = vigil.get("/api/v1/alerts/rules/c/chart?group=x", TestServer.KEY);
    assertThat(grouped.statusCode()).isEqualTo(400);
    assertThat(grouped.body()).contains("no group_by");
    JsonNode cold = JSON.readTree(vigil.get("/api/v1/alerts/rules/c/chart", TestServer.KEY).body()).get("charts").get(0);
    assertThat(cold.get("kind").asText()).isEqualTo("cusum");
    assertThat(cold.get("params").get("h").asDouble()).isEqualTo(8.0);
    assertThat(cold.get("points")).isEmpty();
    assertThat(vigil.get("/api/v1/alerts/rules/c/chart", null).statusCode()).isEqualTo(401);
  }
}
