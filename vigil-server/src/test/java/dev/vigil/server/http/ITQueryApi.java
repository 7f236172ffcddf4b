package dev.vigil.server.http;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read API end to end: metrics, sessions, users, trace filters and cursors over HTTP. */
class ITQueryApi {
  @TempDir
  Path dir;
  TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    vigil = new TestServer(dir);
    // a few seconds back: the LLM span starts 100 ms after its trace, and the API's default range ends now
    long now = System.currentTimeMillis() * 1_000_000L - 5_000_000_000L;
    for (int i = 0; i < 6; i++) {
      var request = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), now - i * 60_000_000_000L,
          i % 2 == 0 ? "gpt-4o" : "gpt-4o-mini", "question " + i);
      assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
          .isEqualTo(200);
    }
    vigil.flush();
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  private JsonNode get(String path) throws Exception {
    var r = vigil.get(path, TestServer.KEY);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ITOtlpIngest.JSON.readTree(r.body());
  }

  @Test
  void metricsGroupedByModel() throws Exception {
    JsonNode rows = get("/api/v1/metrics?group_by=model&order=cost").get("rows");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("count").asInt()).isEqualTo(3);
    assertThat(rows.get(0).get("latency_ms").get("p95").asDouble()).isEqualTo(1500.0);
    assertThat(rows.get(0).get("error_rate").asDouble()).isZero();
    JsonNode buckets = get("/api/v1/metrics?bucket=1h&scope=traces").get("rows");
    assertThat(buckets.get(0).get("bucket_start").asText()).endsWith(":00:00Z");
  }

  @Test
  void sessionsUsersAndFilters() throws Exception {
    JsonNode sessions = get("/api/v1/sessions").get("sessions");
    assertThat(sessions).singleElement().satisfies(s -> assertThat(s.get("traces").asInt()).isEqualTo(6));
    assertThat(get("/api/v1/sessions/session-7").get("traces")).hasSize(6);
    JsonNode users = get("/api/v1/users").get("users");
    assertThat(users.get(0).get("user_id").asText()).isEqualTo("user-42");
    assertThat(users.get(0).get("llm_calls").asInt()).isEqualTo(6);
    assertThat(get("/api/v1/traces?model=gpt-4o-mini").get("traces")).hasSize(3);
    assertThat(get("/api/v1/traces?q=question%205").get("traces")).hasSize(1);
    JsonNode first = get("/api/v1/traces?limit=4&sort=oldest");
    assertThat(first.get("traces")).hasSize(4);
    JsonNode second = get("/api/v1/traces?limit=4&sort=oldest&cursor=" + first.get("next_cursor").asText());
    assertThat(second.get("traces")).hasSize(2);
    assertThat(second.get("next_cursor").isNull()).isTrue();
  }
}
