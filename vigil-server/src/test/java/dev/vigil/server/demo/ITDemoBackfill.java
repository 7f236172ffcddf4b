package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's history, feedback, changes and alert rules go through a real server's APIs and are all accepted. */
class ITDemoBackfill {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTraceFeedbackAndChangeIsStored(@TempDir Path dir) throws Exception {
    Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    TrafficModel expected = new TrafficModel(DemoTraffic.Settings.DEFAULT.seed(), clock);
    expected.history(Duration.ofHours(2), 600);
    int feedback = expected.drainFeedback().size();

    try (TestServer server = new TestServer(dir, Map.of(), Clock.systemUTC())) {
      assertThat(DemoTraffic.backfill(server.base, TestServer.KEY, clock, Duration.ofHours(2), 600)).isEqualTo(600);
      server.flush();
      assertThat(count(server, "SELECT count(DISTINCT trace_id) FROM traces")).isEqualTo(600);
      assertThat(count(server, "SELECT count(*) FROM feedback")).isEqualTo(feedback).isPositive();
      assertThat(count(server, "SELECT count(*) FROM feedback f WHERE f.trace_id NOT IN (SELECT trace_id FROM traces)"))
          .as("feedback about traces that exist").isZero();
      assertThat(count(server, "SELECT count(*) FROM change_events WHERE source = 'api'")).isEqualTo(2);

      assertThat(DemoRules.install(server.base, TestServer.KEY)).containsExactlyElementsOf(DemoRules.NAMES);
      assertThat(DemoRules.install(server.base, TestServer.KEY)).as("installed once").isEmpty();
      JsonNode rules = JSON.readTree(server.get("/api/v1/alerts/rules", TestServer.KEY).body());
      assertThat(rules.findValuesAsText("name")).containsAll(DemoRules.NAMES);
    }
  }

  private static long count(TestServer server, String sql) throws Exception {
    HttpResponse<String> r = server.json("POST", "/api/v1/sql", TestServer.KEY, JSON.writeValueAsString(Map.of("query", sql)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode rows = JSON.readTree(r.body()).get("rows");
    return rows.get(0).get(0).asLong();
  }
}
