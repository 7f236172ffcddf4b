package dev.vigil.server.scoring;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Sending chats and reading scoring results over HTTP, for the scoring integration tests. */
final class ScoringItSupport {
  static final ObjectMapper JSON = new ObjectMapper();

  private ScoringItSupport() {}

  /** Sends one chat trace (root + LLM call) over OTLP/protobuf; returns its trace id. */
  static String chat(TestServer vigil, String question, String answer) {
    String traceId = randomHex(16);
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
        "gpt-4o", question, answer);
    assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
        .isEqualTo(200);
    return traceId;
  }

  static JsonNode get(TestServer vigil, String path) {
    var r = vigil.get(path, TestServer.KEY);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return read(r.body());
  }

  static JsonNode sql(TestServer vigil, String query) {
    var r = vigil.json("POST", "/api/v1/sql", TestServer.KEY, JSON.createObjectNode().put("query", query).toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return read(r.body()).get("rows");
  }

  static long count(TestServer vigil, String query) {
    return sql(vigil, query).get(0).get(0).asLong();
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  /** Polls until {@code done}; fails after a generous limit (a guard against hanging, not a timing check). */
  static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting: " + what);
      Thread.sleep(50);
    }
  }

  static void awaitCaughtUp(TestServer vigil) throws InterruptedException {
    vigil.flush();
    await("scoring backlog drained", () -> get(vigil, "/api/v1/scoring/status").get("backlog_spans").asLong() == 0);
  }
}
