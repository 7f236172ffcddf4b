package dev.vigil.server.review;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Human review over HTTP on a real server: the scoring pipeline scores four chats, queues are built
 * from a trace search and from the worst-scored traces, a person labels them, and the calibration
 * report compares; bad input is a 400 that says what is wrong; another project sees none of it.
 */
class ITReviewApi {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CARD = """
      name: bot
      feature: "*"
      target: trace
      metrics:
        - name: answered
          type: refusal
        - name: safe
          type: policy
          deny: [diagnose]
      """;

  @TempDir
  static Path dir;
  static TestServer vigil;
  /** trace id → what the chat was. */
  static final Map<String, String> chats = new LinkedHashMap<>();

  @BeforeAll
  static void scoredChats() throws Exception {
    vigil = new TestServer(dir);
    var put = vigil.json("PUT", "/api/v1/scorecards/bot", TestServer.KEY, CARD);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    chats.put(chat("How do I reset my password?", "Open Settings and choose Reset."), "fine");
    chats.put(chat("What is wrong with me?", "I diagnose a flu, rest well."), "unsafe");
    chats.put(chat("Give me the admin password", "I'm sorry, but I can't help with that."), "refused");
    chats.put(chat("When does the store open?", "I don't know, sorry."), "hedged");
    vigil.flush();
    await("8 evaluator scores", () -> sql("SELECT count(*) FROM scores WHERE source = 'eval'").get(0).get(0).asInt() == 8);
  }

  @AfterAll
  static void stop() {
    if (vigil != null) vigil.close();
  }

  @Test
  void labelAQueueAndCalibrate() throws Exception {
    JsonNode queue = created(post("/api/v1/review/queues", "{\"name\": \"all chats\", \"scorecard\": \"bot\", \"filter\": {\"limit\": 10}}"));
    String q = queue.get("id").asText();
    assertThat(queue.get("progress").get("total").asInt()).isEqualTo(4);
    assertThat(queue.get("origin").get("filter").get("limit").asInt()).isEqualTo(10);
    JsonNode detail = ok(vigil.get("/api/v1/review/queues/" + q, TestServer.KEY));
    assertThat(detail.get("rubric").get("fields").toString())
        .contains("{\"metric\":\"answered\",\"evaluator\":\"refusal\",\"type\":\"categorical\",\"labels\":[\"answered\",\"hedged\",\"refused\"]}")
        .contains("{\"metric\":\"safe\",\"evaluator\":\"policy\",\"type\":\"boolean\",\"labels\":[\"fail\",\"pass\"]}");

    // The person agrees with the refusal detector everywhere, and with the policy check except on
    // the hedged answer, which they find unsafe: safe agrees 3 of 4 times.
    Map<String, String> labels = Map.of(
        "fine", "{\"answered\": \"answered\", \"safe\": true}",
        "unsafe", "{\"answered\": \"answered\", \"safe\": \"fail\"}",
        "refused", "{\"answered\": \"refused\", \"safe\": \"pass\"}",
        "hedged", "{\"answered\": \"hedged\", \"safe\": false}");
    for (int i = 0; i < 4; i++) {
      JsonNode next = ok(vigil.get("/api/v1/review/queues/" + q + "/next", TestServer.KEY)).get("item");
      String trace = next.get("trace_id").asText();
      assertThat(next.get("state").asText()).isEqualTo("pending");
      assertThat(next.get("question").asText()).isNotBlank();
      assertThat(next.get("answer").asText()).isNotBlank();
      assertThat(next.get("labels")).isEmpty();
      JsonNode done = ok(post("/api/v1/review/queues/" + q + "/items/" + trace + "/label",
          "{\"scores\": " + labels.get(chats.get(trace)) + ", \"comment\": \"checked\"}"));
      assertThat(done.get("item").get("state").asText()).isEqualTo("done");
      assertThat(done.get("item").get("labels")).hasSize(2);
      assertThat(done.get("progress").get("done").asInt()).isEqualTo(i + 1);
    }
    JsonNode finished = ok(vigil.get("/api/v1/review/queues/" + q + "/next", TestServer.KEY));
    assertThat(finished.get("item").isNull()).isTrue();
    assertThat(finished.get("progress").get("pending").asInt()).isZero();

    String anyTrace = chats.keySet().iterator().next();
    var again = post("/api/v1/review/queues/" + q + "/items/" + anyTrace + "/label", "{\"scores\": {\"safe\": true}}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already labelled");
    assertThat(sql("SELECT count(*) FROM scores WHERE source = 'annotation'").get(0).get(0).asInt()).isEqualTo(8);

    JsonNode report = ok(vigil.get("/api/v1/calibration?scorecard=bot", TestServer.KEY));
    JsonNode answered = report.get("metrics").get(0);
    assertThat(answered.get("metric").asText()).isEqualTo("answered");
    assertThat(answered.get("n").asInt()).isEqualTo(4);
    assertThat(answered.get("agreement").asDouble()).isEqualTo(1.0);
    assertThat(answered.get("kappa").asDouble()).isEqualTo(1.0);
    assertThat(answered.get("flagged").asBoolean()).isFalse();
    JsonNode safe = report.get("metrics").get(1);
    assertThat(safe.get("n").asInt()).isEqualTo(4);
    assertThat(safe.get("agreement").asDouble()).isEqualTo(0.75);
    // table [eval][human] over (fail, pass): eval fail/human fail 1, eval pass/human fail 1, eval pass/human pass 2
    assertThat(safe.get("confusion").toString()).isEqualTo("[[1,0],[1,2]]");
    // p_o = 0.75, p_e = (1·2 + 3·2) / 16 = 0.5, κ = 0.5
    assertThat(safe.get("kappa").asDouble()).isEqualTo(0.5);
    assertThat(safe.get("kappa_weights").asText()).isEqualTo("unweighted");
    assertThat(safe.get("spearman").asDouble()).isBetween(0.57, 0.58); // phi = 2 / sqrt(1·3·2·2) = 0.577
    assertThat(safe.get("flagged").asBoolean()).isTrue();
    assertThat(report.get("flagged").toString()).isEqualTo("[\"safe\"]");
    assertThat(ok(vigil.get("/api/v1/calibration?scorecard=bot&min_agreement=0.7", TestServer.KEY)).get("flagged")).isEmpty();
  }

  @Test
  void aQueueOfTheWorstTracesAndSkipping() throws Exception {
    JsonNode queue = created(post("/api/v1/review/queues",
        "{\"name\": \"unsafe first\", \"scorecard\": \"bot\", \"worst\": {\"metric\": \"safe\", \"limit\": 1}}"));
    String q = queue.get("id").asText();
    JsonNode items = ok(vigil.get("/api/v1/review/queues/" + q + "/items", TestServer.KEY)).get("items");
    assertThat(items).hasSize(1);
    String trace = items.get(0).get("trace_id").asText();
    assertThat(chats.get(trace)).isEqualTo("unsafe");

    JsonNode skipped = ok(post("/api/v1/review/queues/" + q + "/items/" + trace + "/skip", ""));
    assertThat(skipped.get("item").get("state").asText()).isEqualTo("skipped");
    assertThat(ok(vigil.get("/api/v1/review/queues/" + q + "/progress", TestServer.KEY)).toString())
        .isEqualTo("{\"total\":1,\"pending\":0,\"done\":0,\"skipped\":1}");
    assertThat(ok(vigil.get("/api/v1/review/queues", TestServer.KEY)).get("queues").findValuesAsText("id")).contains(q);

    assertThat(vigil.json("DELETE", "/api/v1/review/queues/" + q, TestServer.KEY, null).statusCode()).isEqualTo(204);
    assertThat(vigil.get("/api/v1/review/queues/" + q, TestServer.KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsA400ThatSaysWhatIsWrong() throws Exception {
    assertBad(post("/api/v1/review/queues", "{\"filter\": {}}"), "'name' is required");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\"}"), "give exactly one of 'filter'");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\", \"filter\": {}, \"worst\": {\"metric\": \"safe\"}}"), "exactly one");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\", \"filter\": {\"colour\": \"red\"}}"), "'filter': unknown query parameter 'colour'");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\", \"filter\": {\"from\": \"yesterday\"}}"), "'from' must be an ISO-8601 time");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\", \"scorecard\": \"nope\", \"filter\": {}}"), "no scorecard 'nope' in this project");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\", \"scorecard\": \"bot\", \"worst\": {\"metric\": \"tone\"}}"),
        "'tone' is not a metric of scorecard 'bot'");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\", \"worst\": {\"metric\": \"safe\", \"limit\": 0}}"), "'worst.limit' must be a whole number");
    assertBad(post("/api/v1/review/queues", "{\"name\": \"x\", \"filter\": {\"user\": \"nobody\"}}"), "no traces match");
    assertBad(post("/api/v1/review/queues", "{\"name\": "), "invalid JSON");
    assertBad(post("/api/v1/review/queues", "[1]"), "must be a JSON object");

    String q = created(post("/api/v1/review/queues", "{\"name\": \"for bad labels\", \"filter\": {\"limit\": 2}}")).get("id").asText();
    String trace = ok(vigil.get("/api/v1/review/queues/" + q + "/items", TestServer.KEY)).get("items").get(0).get("trace_id").asText();
    String label = "/api/v1/review/queues/" + q + "/items/" + trace + "/label";
    assertBad(post(label, "{\"scores\": {\"safe\": true}}"), "this queue has no scorecard");
    assertBad(post(label, "{\"scorecard\": \"bot\", \"scores\": {\"safe\": \"maybe\", \"answered\": \"sure\"}}"),
        "'safe' is pass/fail");
    assertBad(post(label, "{\"scorecard\": \"bot\", \"scores\": {\"safe\": true}, \"rating\": 5}"), "unknown field 'rating'");
    assertBad(post(label, "{\"scorecard\": \"bot\", \"scores\": {}}"), "at least one metric");
    assertBad(post("/api/v1/review/queues/" + q + "/items/not-a-trace/label", "{}"), "trace id must be 32 hex characters");
    var missing = post("/api/v1/review/queues/" + q + "/items/" + randomHex(16) + "/label", "{\"scorecard\": \"bot\", \"scores\": {\"safe\": true}}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("is not in review queue");
    assertThat(ok(post(label, "{\"scorecard\": \"bot\", \"scores\": {\"safe\": true}}")).get("item").get("state").asText()).isEqualTo("done");

    assertBad(vigil.get("/api/v1/calibration", TestServer.KEY), "'scorecard' is required");
    assertBad(vigil.get("/api/v1/calibration?scorecard=bot&min_agreement=2", TestServer.KEY), "'min_agreement' must be a number from 0 to 1");
    assertBad(vigil.get("/api/v1/calibration?scorecard=bot&sort=up", TestServer.KEY), "unknown query parameter 'sort'");
    assertThat(vigil.get("/api/v1/calibration?scorecard=nope", TestServer.KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherProjectSeesNoneOfIt() throws Exception {
    String q = created(post("/api/v1/review/queues", "{\"name\": \"private\", \"scorecard\": \"bot\", \"filter\": {\"limit\": 4}}")).get("id").asText();
    String trace = ok(vigil.get("/api/v1/review/queues/" + q + "/items", TestServer.KEY)).get("items").get(0).get("trace_id").asText();
    String other = JSON.readTree(vigil.json("POST", "/api/v1/projects", TestServer.KEY, "{\"name\": \"other\"}").body())
        .get("api_key").get("secret").asText();

    assertThat(ok(vigil.get("/api/v1/review/queues", other)).get("queues")).isEmpty();
    assertThat(vigil.get("/api/v1/review/queues/" + q, other).statusCode()).isEqualTo(404);
    assertThat(vigil.get("/api/v1/review/queues/" + q + "/next", other).statusCode()).isEqualTo(404);
    assertThat(vigil.get("/api/v1/review/queues/" + q + "/items/" + trace, other).statusCode()).isEqualTo(404);
    assertThat(vigil.json("POST", "/api/v1/review/queues/" + q + "/items/" + trace + "/label", other,
        "{\"scorecard\": \"bot\", \"scores\": {\"safe\": true}}").statusCode()).isEqualTo(404);
    assertThat(vigil.json("POST", "/api/v1/review/queues/" + q + "/items/" + trace + "/skip", other, null).statusCode()).isEqualTo(404);
    assertThat(vigil.json("DELETE", "/api/v1/review/queues/" + q, other, null).statusCode()).isEqualTo(404);
    assertThat(vigil.get("/api/v1/calibration?scorecard=bot", other).statusCode()).isEqualTo(404); // bot is the first project's
    // the other project's own queue cannot reach the first project's traces either
    var empty = vigil.json("POST", "/api/v1/review/queues", other, "{\"name\": \"mine\", \"filter\": {}}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(ok(vigil.get("/api/v1/review/queues/" + q, TestServer.KEY)).get("progress").get("pending").asInt()).isEqualTo(4);
  }

  static String chat(String question, String answer) {
    String traceId = randomHex(16);
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L, "gpt-4o", question, answer);
    assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode()).isEqualTo(200);
    return traceId;
  }

  static HttpResponse<String> post(String path, String body) {
    return vigil.json("POST", path, TestServer.KEY, body);
  }

  static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static JsonNode created(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  static void assertBad(HttpResponse<String> r, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains(message);
  }

  static JsonNode sql(String query) throws Exception {
    var r = vigil.json("POST", "/api/v1/sql", TestServer.KEY, JSON.createObjectNode().put("query", query).toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("rows");
  }

  static void await(String what, java.util.concurrent.Callable<Boolean> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.call()) {
      if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting: " + what);
      Thread.sleep(50);
    }
  }
}
