package dev.vigil.server.scoring;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static dev.vigil.server.scoring.ScoringItSupport.awaitCaughtUp;
import static dev.vigil.server.scoring.ScoringItSupport.chat;
import static dev.vigil.server.scoring.ScoringItSupport.count;
import static dev.vigil.server.scoring.ScoringItSupport.get;
import static dev.vigil.server.scoring.ScoringItSupport.read;
import static dev.vigil.server.scoring.ScoringItSupport.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with a scorecard file: OTLP spans in, scores out, found through the trace API and
 * through SQL; scorecards through the API with located validation errors; status and metrics.
 */
class ITScoringPipeline {
  static final String SCORECARD = """
      name: support-quality
      feature: support-chat
      sampling:
        rate: 1.0
      metrics:
        - name: no_medical_advice
          type: policy
          deny: [diagnose, prescribe]
        - name: concise
          type: length
          max: 40
        - name: answered
          type: refusal
        - name: fast_enough
          type: latency
          max_ms: 1000
        - name: no_pii
          type: pii_leak
      """;

  @TempDir
  Path dir;
  TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    Path cards = Files.createDirectories(dir.resolve("scorecards"));
    Files.writeString(cards.resolve("support.yaml"), SCORECARD);
    vigil = new TestServer(dir.resolve("data"), Map.of("VIGIL_SCORING_SCORECARDS_DIR", cards.toString()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  @Test
  void sampledCallsAreScoredAndFoundThroughTheApiAndSql() throws Exception {
    String fine = chat(vigil, "How do I reset my password?", "Open Settings, then Security.");
    String advice = chat(vigil, "My chest hurts", "I would diagnose angina; I can prescribe rest.");
    String refusal = chat(vigil, "Who owns acme?", "I'm sorry, but I can't help with that.");
    String leak = chat(vigil, "Support email?", "Write to help@acme.example please.");
    awaitCaughtUp(vigil);

    JsonNode scores = get(vigil, "/api/v1/traces/" + advice).get("scores");
    assertThat(scores).hasSize(5);
    JsonNode policy = find(scores, "no_medical_advice");
    assertThat(policy.get("value").asDouble()).isZero();
    assertThat(policy.get("data_type").asText()).isEqualTo("boolean");
    assertThat(policy.get("source").asText()).isEqualTo("eval");
    assertThat(policy.get("comment").asText()).contains("denied term 'diagnose'").contains("denied term 'prescribe'");
    assertThat(policy.get("metadata").get("scorecard").asText()).isEqualTo("support-quality");
    assertThat(policy.get("metadata").get("scorecard_version").asText()).hasSize(12);
    assertThat(policy.get("metadata").get("evaluator").asText()).isEqualTo("policy");
    assertThat(policy.get("metadata").get("evaluator_version").asText()).isEqualTo("1");
    assertThat(find(scores, "fast_enough").get("value").asDouble()).isZero(); // the fixture's call takes 1.5 s
    assertThat(find(get(vigil, "/api/v1/traces/" + refusal).get("scores"), "answered").get("label").asText()).isEqualTo("refused");
    assertThat(find(get(vigil, "/api/v1/traces/" + leak).get("scores"), "no_pii").get("comment").asText())
        .isEqualTo("contains 1 email masked at ingest");
    assertThat(find(get(vigil, "/api/v1/traces/" + fine).get("scores"), "no_medical_advice").get("label").asText()).isEqualTo("pass");

    assertThat(count(vigil, "SELECT count(*) FROM scores")).isEqualTo(20);
    JsonNode failing = sql(vigil, "SELECT name, count(*) FROM scores WHERE source = 'eval' AND value = 0 "
        + "AND metadata['scorecard'] = 'support-quality' GROUP BY name ORDER BY name");
    assertThat(failing.toString()).isEqualTo("[[\"concise\",1],[\"fast_enough\",4],[\"no_medical_advice\",1],[\"no_pii\",1]]");

    JsonNode status = get(vigil, "/api/v1/scoring/status");
    assertThat(status.get("enabled").asBoolean()).isTrue();
    assertThat(status.get("scores_written").asLong()).isEqualTo(20);
    assertThat(status.get("scorecards").get(0).get("source").asText()).isEqualTo("file");
    assertThat(vigil.get("/metrics", null).body()).contains("vigil_scoring_backlog_spans").contains("vigil_scoring_evaluations_total");
  }

  @Test
  void aBatchSentTwiceIsScoredOnce() throws Exception {
    // a client that retries an export puts the same spans in the log twice; scoring reads the log
    String traceId = randomHex(16);
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8),
        System.currentTimeMillis() * 1_000_000L, "gpt-4o", "My chest hurts", "I would diagnose angina.");
    for (int i = 0; i < 2; i++) {
      assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
          .isEqualTo(200);
      awaitCaughtUp(vigil); // the second copy arrives in a later page than the first one's scores
    }
    assertThat(get(vigil, "/api/v1/traces/" + traceId).get("scores")).hasSize(5);
    assertThat(count(vigil, "SELECT count(*) FROM scores WHERE trace_id = '" + traceId + "'")).isEqualTo(5);
  }

  @Test
  void scorecardsThroughTheApi() throws Exception {
    var bad = vigil.json("PUT", "/api/v1/scorecards/traces", TestServer.KEY, """
        name: traces
        feature: support-chat
        target: trace
        metrics:
          - name: budget
            type: budget
            max_cost: lots
        """);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(read(bad.body()).get("problems").get(0).asText())
        .isEqualTo("scorecard 'traces':7:5: 'max_cost' must be a number, got 'lots'");

    String good = "{\"name\": \"traces\", \"feature\": \"support-chat\", \"target\": \"trace\", \"version\": \"v1\", "
        + "\"metrics\": [{\"name\": \"snappy\", \"type\": \"latency\", \"max_ms\": 5000}]}";
    assertThat(vigil.json("PUT", "/api/v1/scorecards/traces", TestServer.KEY, good).statusCode()).isEqualTo(201);
    assertThat(vigil.json("PUT", "/api/v1/scorecards/traces", TestServer.KEY, good).statusCode()).isEqualTo(200);
    assertThat(get(vigil, "/api/v1/scorecards").get("scorecards")).extracting(c -> c.get("name").asText())
        .containsExactly("support-quality", "traces");
    assertThat(get(vigil, "/api/v1/scorecards/traces").get("version").asText()).isEqualTo("v1");
    assertThat(vigil.json("DELETE", "/api/v1/scorecards/support-quality", TestServer.KEY, null).statusCode()).isEqualTo(409);
    assertThat(vigil.json("PUT", "/api/v1/scorecards/other", TestServer.KEY, good).statusCode()).isEqualTo(400);

    String trace = chat(vigil, "Hi", "Hello.");
    awaitCaughtUp(vigil);
    JsonNode scores = get(vigil, "/api/v1/traces/" + trace).get("scores");
    JsonNode snappy = find(scores, "snappy");
    assertThat(snappy.get("value").asDouble()).isEqualTo(1.0); // the trace's root takes 2 s
    assertThat(snappy.get("metadata").get("target").asText()).isEqualTo("trace");

    assertThat(vigil.json("DELETE", "/api/v1/scorecards/traces", TestServer.KEY, null).statusCode()).isEqualTo(204);
    assertThat(vigil.json("DELETE", "/api/v1/scorecards/traces", TestServer.KEY, null).statusCode()).isEqualTo(404);
    assertThat(get(vigil, "/api/v1/scoring/dead-letters").get("dead_letters")).isEmpty();
  }

  static JsonNode find(JsonNode scores, String name) {
    for (JsonNode s : scores) if (s.get("name").asText().equals(name)) return s;
    throw new AssertionError("no score '" + name + "' in " + scores);
  }
}
