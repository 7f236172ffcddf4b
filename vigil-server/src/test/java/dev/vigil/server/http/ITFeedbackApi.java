package dev.vigil.server.http;

import static dev.vigil.server.http.SignalsItSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/v1/feedback and /api/v1/scores, GET /api/v1/feedback/metrics over a real server. */
class ITFeedbackApi {
  @TempDir
  Path dir;
  TestServer vigil;

  @BeforeEach
  void start() {
    vigil = new TestServer(dir, Map.of("VIGIL_INGEST_MAX_BODY_BYTES", "65536"), java.time.Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  private java.net.http.HttpResponse<String> post(String path, String key, String body) {
    return vigil.json("POST", path, key, body);
  }

  @Test
  void singleFeedbackIsIdempotentAndShowsOnTheTrace() throws Exception {
    String trace = SignalsItSupport.traces(vigil, TestServer.KEY, 1, "gpt-4o").get(0);
    String body = """
        {"id":"fb-1","trace_id":"%s","kind":"correction","comment":"Open Settings > Security","user_id":"u-1"}""".formatted(trace);
    var first = post("/api/v1/feedback", TestServer.KEY, body);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(json(first).get("status").asText()).isEqualTo("created");
    var again = post("/api/v1/feedback", TestServer.KEY, body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("status").asText()).isEqualTo("duplicate");

    JsonNode detail = json(vigil.get("/api/v1/traces/" + trace, TestServer.KEY));
    assertThat(detail.get("feedback")).hasSize(1);
    assertThat(detail.get("feedback").get(0).get("kind").asText()).isEqualTo("correction");
  }

  @Test
  void batchesAreAllOrNothingWithEveryProblemListed() throws Exception {
    String trace = OtlpFixtures.randomHex(16); // a trace not (yet) stored is accepted: SDKs send spans late
    var bad = post("/api/v1/feedback", TestServer.KEY, """
        {"items":[{"id":"a","trace_id":"%s","kind":"thumbs_up"},
                  {"id":"b","trace_id":"%s","kind":"rating"},
                  {"id":"c","trace_id":42,"kind":"thumbs_up"},
                  {"id":"d","trace_id":"%s","kind":"sideways"},
                  {"id":"e","trace_id":"%s","kind":"rating","value":"five"},
                  {"id":"a","trace_id":"%s","kind":"copied"}]}""".formatted(trace, trace, trace, trace, trace));
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode problems = json(bad).get("problems");
    assertThat(problems).hasSize(5);
    assertThat(problems.toString()).contains("items[1].value: required").contains("items[2].trace_id")
        .contains("items[3].kind").contains("thumbs_up").contains("items[4].value").contains("items[5].id: duplicate");
    assertThat(json(vigil.get("/api/v1/traces/" + trace, TestServer.KEY)).path("feedback")).isEmpty();

    var ok = post("/api/v1/feedback", TestServer.KEY, """
        [{"id":"a","trace_id":"%s","kind":"thumbs_up"},{"id":"b","trace_id":"%s","kind":"abandoned"}]""".formatted(trace, trace));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json(ok).get("created").asInt()).isEqualTo(2);
    var replay = post("/api/v1/feedback", TestServer.KEY, """
        {"items":[{"id":"a","trace_id":"%s","kind":"thumbs_up"},{"id":"z","trace_id":"%s","kind":"copied"}]}""".formatted(trace, trace));
    assertThat(json(replay).get("created").asInt()).isEqualTo(1);
    assertThat(json(replay).get("duplicates").asInt()).isEqualTo(1);
  }

  @Test
  void envelopeMistakesAreClear400sAnd413sAnd401s() throws Exception {
    assertThat(post("/api/v1/feedback", TestServer.KEY, "{not json").statusCode()).isEqualTo(400);
    assertThat(json(post("/api/v1/feedback", TestServer.KEY, "{\"items\":[]}")).get("error").asText()).contains("no items");
    assertThat(json(post("/api/v1/feedback", TestServer.KEY, "{\"items\":{}}")).get("error").asText()).contains("items");
    assertThat(json(post("/api/v1/feedback", TestServer.KEY, "\"thumbs_up\"")).get("error").asText())
        .contains("JSON object or array");
    var wrongType = post("/api/v1/feedback", TestServer.KEY, """
        {"type":"score","id":"x","trace_id":"%s","kind":"thumbs_up"}""".formatted(OtlpFixtures.randomHex(16)));
    assertThat(json(wrongType).get("error").asText()).contains("body.type");
    assertThat(post("/api/v1/feedback", "vgl_wrong_key_000000000000000", "{}").statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/feedback", null, "{}").statusCode()).isEqualTo(401);
    String huge = "{\"id\":\"h\",\"trace_id\":\"" + OtlpFixtures.randomHex(16) + "\",\"kind\":\"comment\",\"comment\":\""
        + "x".repeat(70_000) + "\"}";
    assertThat(post("/api/v1/feedback", TestServer.KEY, huge).statusCode()).isEqualTo(413);
    var text = vigil.post("/api/v1/feedback", TestServer.KEY, "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).isEqualTo(415);
  }

  @Test
  void scoresArePostedOnTheirOwn() throws Exception {
    String trace = SignalsItSupport.traces(vigil, TestServer.KEY, 1, "gpt-4o").get(0);
    String body = """
        {"items":[{"id":"s1","trace_id":"%s","name":"helpfulness","value":0.9,"comment":"clear"},
                  {"id":"s2","trace_id":"%s","name":"tone","label":"friendly","source":"annotation"},
                  {"id":"s3","trace_id":"%s","name":"grounded","value":true}]}""".formatted(trace, trace, trace);
    assertThat(json(post("/api/v1/scores", TestServer.KEY, body)).get("created").asInt()).isEqualTo(3);
    assertThat(json(post("/api/v1/scores", TestServer.KEY, body)).get("duplicates").asInt()).isEqualTo(3);
    var bad = post("/api/v1/scores", TestServer.KEY, """
        {"id":"s4","trace_id":"%s","name":"x","value":"high"}""".formatted(trace));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).contains("body.value");

    JsonNode scores = json(vigil.get("/api/v1/traces/" + trace, TestServer.KEY)).get("scores");
    assertThat(scores).hasSize(3);
    assertThat(scores.toString()).contains("\"data_type\":\"categorical\"").contains("\"source\":\"annotation\"")
        .contains("\"data_type\":\"boolean\"");
  }

  @Test
  void metricsWarnOfSurvivorshipOnlyWhenAbandonmentIsHighAndRatingsGood() throws Exception {
    List<String> traces = SignalsItSupport.traces(vigil, TestServer.KEY, 20, "gpt-4o");
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 6; i++) item(items, "up" + i, traces.get(i), "thumbs_up", null); // all 6 explicit are positive
    item(items, "c0", traces.get(0), "copied", null);
    item(items, "r0", traces.get(1), "rating", 5.0);
    for (int i = 10; i < 14; i++) item(items, "ab" + i, traces.get(i), "abandoned", null); // 4/20 = 20 %
    item(items, "fu", traces.get(15), "follow_up", null);
    post("/api/v1/feedback", TestServer.KEY, "{\"items\":[" + items + "]}");

    JsonNode m = json(vigil.get("/api/v1/feedback/metrics", TestServer.KEY));
    JsonNode total = m.get("total");
    assertThat(total.get("traces").asInt()).isEqualTo(20);
    assertThat(total.get("rates").get("explicit_positive").asDouble()).isEqualTo(1.0);
    assertThat(total.get("rates").get("coverage").asDouble()).isEqualTo(0.3);
    assertThat(total.get("rates").get("abandonment").asDouble()).isEqualTo(0.2);
    assertThat(total.get("rates").get("follow_up").asDouble()).isEqualTo(0.05);
    assertThat(total.get("rates").get("copy").asDouble()).isEqualTo(0.05);
    assertThat(total.get("items").get("thumbs_up").asInt()).isEqualTo(6);
    assertThat(m.get("survivorship_warning").asText()).contains("survivorship").contains("20% of traces were abandoned");

    // a slice with no abandonment has no warning; a bucketed query returns buckets
    JsonNode sliced = json(vigil.get("/api/v1/feedback/metrics?feature=support-chat&bucket=1h&errors=false", TestServer.KEY));
    assertThat(sliced.get("buckets")).isNotEmpty();
    // two thumbs down make the explicit feedback look bad: no warning however many abandon
    post("/api/v1/feedback", TestServer.KEY, """
        [{"id":"d1","trace_id":"%s","kind":"thumbs_down"},{"id":"d2","trace_id":"%s","kind":"thumbs_down"}]"""
        .formatted(traces.get(7), traces.get(8)));
    JsonNode after = json(vigil.get("/api/v1/feedback/metrics", TestServer.KEY));
    assertThat(after.get("total").get("rates").get("explicit_positive").asDouble()).isEqualTo(7 / 9d);
    assertThat(after.get("survivorship_warning").isNull()).isTrue();
  }

  @Test
  void metricsParametersAreValidated() throws Exception {
    var unknown = vigil.get("/api/v1/feedback/metrics?colour=red", TestServer.KEY);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("error").asText()).contains("colour");
    assertThat(json(vigil.get("/api/v1/feedback/metrics?min_cost=1", TestServer.KEY)).get("error").asText()).contains("cost");
    assertThat(vigil.get("/api/v1/feedback/metrics?bucket=7x", TestServer.KEY).statusCode()).isEqualTo(400);
    assertThat(vigil.get("/api/v1/feedback/metrics?positive_rating=high", TestServer.KEY).statusCode()).isEqualTo(400);
    assertThat(vigil.get("/api/v1/feedback/metrics?from=yesterday", TestServer.KEY).statusCode()).isEqualTo(400);
    JsonNode empty = json(vigil.get("/api/v1/feedback/metrics", TestServer.KEY));
    assertThat(empty.get("total").get("traces").asInt()).isZero();
    assertThat(empty.get("total").get("rates").get("explicit_positive").isNull()).isTrue();
  }

  @Test
  void anotherProjectsKeyNeitherReadsNorWritesThisProject() throws Exception {
    List<String> traces = SignalsItSupport.traces(vigil, TestServer.KEY, 2, "gpt-4o");
    post("/api/v1/feedback", TestServer.KEY, """
        {"id":"mine","trace_id":"%s","kind":"thumbs_up"}""".formatted(traces.get(0)));
    String keyB = SignalsItSupport.otherProjectKey(vigil, "b");

    JsonNode seenByB = json(vigil.get("/api/v1/feedback/metrics", keyB));
    assertThat(seenByB.get("total").get("traces").asInt()).isZero();
    assertThat(seenByB.get("total").get("items").get("thumbs_up").asInt()).isZero();
    // B posting on A's trace id writes into B's project only: A's trace keeps its one feedback
    var written = post("/api/v1/feedback", keyB, """
        {"id":"mine","trace_id":"%s","kind":"thumbs_down"}""".formatted(traces.get(0)));
    assertThat(written.statusCode()).isEqualTo(201); // B's own id space: not a duplicate of A's
    post("/api/v1/scores", keyB, """
        {"id":"sb","trace_id":"%s","name":"x","value":1}""".formatted(traces.get(0)));
    JsonNode detail = json(vigil.get("/api/v1/traces/" + traces.get(0), TestServer.KEY));
    assertThat(detail.get("feedback")).hasSize(1);
    assertThat(detail.get("feedback").get(0).get("kind").asText()).isEqualTo("thumbs_up");
    assertThat(detail.get("scores")).isEmpty();
    assertThat(json(vigil.get("/api/v1/feedback/metrics", TestServer.KEY)).get("total").get("negative").asInt()).isZero();
  }

  private static void item(StringBuilder sb, String id, String trace, String kind, Double value) {
    if (!sb.isEmpty()) sb.append(',');
    sb.append("{\"id\":\"").append(id).append("\",\"trace_id\":\"").append(trace).append("\",\"kind\":\"").append(kind)
        .append('"');
    if (value != null) sb.append(",\"value\":").append(value);
    sb.append('}');
  }
}
