package dev.vigil.server.scoring;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static dev.vigil.server.scoring.ScoringItSupport.await;
import static dev.vigil.server.scoring.ScoringItSupport.awaitCaughtUp;
import static dev.vigil.server.scoring.ScoringItSupport.chat;
import static dev.vigil.server.scoring.ScoringItSupport.get;
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
 * A scorecard that samples nothing by rate but every negatively rated trace: feedback arriving
 * after scoring read the trace gets exactly that trace scored; positive feedback does not; feedback
 * stored before the spans is found when they are read.
 */
class ITNegativeFeedbackScoring {
  static final String SCORECARD = """
      name: unhappy
      feature: support-chat
      sampling:
        rate: 0.0
        errors: rate
        targeted:
          - when: {negative_feedback: true}
            rate: 1.0
      metrics:
        - name: concise
          type: length
          max: 40
        - name: answered
          type: refusal
      """;

  @TempDir
  Path dir;
  TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    Path cards = Files.createDirectories(dir.resolve("scorecards"));
    Files.writeString(cards.resolve("unhappy.yaml"), SCORECARD);
    vigil = new TestServer(dir.resolve("data"), Map.of("VIGIL_SCORING_SCORECARDS_DIR", cards.toString()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  @Test
  void negativeFeedbackAfterReadingScoresExactlyThatTrace() throws Exception {
    String down = chat(vigil, "How do I reset my password?", "Open Settings, then Security.");
    String up = chat(vigil, "Where is my invoice?", "Under Billing.");
    String silent = chat(vigil, "Hello?", "Hi there.");
    awaitCaughtUp(vigil);
    for (String t : new String[] {down, up, silent}) assertThat(scores(t)).as(t).isEmpty();

    feedback("fb-1", down, "thumbs_down");
    feedback("fb-2", up, "thumbs_up");
    await("the thumbs-down trace scored", () -> scores(down).size() == 2);

    for (JsonNode s : scores(down)) {
      assertThat(s.get("metadata").get("sampled_by").asText()).isEqualTo("targeted:negative_feedback");
      assertThat(s.get("metadata").get("scorecard").asText()).isEqualTo("unhappy");
    }
    // a task is deleted just after its scores are written: once the queue is empty, every queued one ran
    await("the queue empty", () -> get(vigil, "/api/v1/scoring/status").get("retrying").asLong() == 0);
    assertThat(scores(up)).isEmpty();
    assertThat(scores(silent)).isEmpty();

    // feedback again (a re-sent or a second one): the trace has its scores, nothing is queued
    feedback("fb-3", down, "correction");
    assertThat(get(vigil, "/api/v1/scoring/status").get("retrying").asLong()).isZero();
    assertThat(scores(down)).hasSize(2);
  }

  @Test
  void feedbackBeforeTheSpansIsFoundWhenTheyAreRead() throws Exception {
    String early = randomHex(16);
    feedback("fb-early", early, "rating", 2);
    var request = OtlpFixtures.chat(early, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L, "gpt-4o",
        "Cancel my order", "Done.");
    assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
        .isEqualTo(200);
    String fine = chat(vigil, "Thanks", "You are welcome.");
    feedback("fb-fine", fine, "rating", 4); // at the positive threshold: not negative
    awaitCaughtUp(vigil);
    await("the early-rated trace scored", () -> scores(early).size() == 2);
    assertThat(scores(early)).allSatisfy(s ->
        assertThat(s.get("metadata").get("sampled_by").asText()).isEqualTo("targeted:negative_feedback"));
    await("the queue empty", () -> get(vigil, "/api/v1/scoring/status").get("retrying").asLong() == 0);
    assertThat(scores(fine)).isEmpty();
  }

  private JsonNode scores(String traceId) {
    return get(vigil, "/api/v1/traces/" + traceId).get("scores");
  }

  private void feedback(String id, String traceId, String kind) {
    post(ScoringItSupport.JSON.createObjectNode().put("id", id).put("trace_id", traceId).put("kind", kind)
        .put("comment", "no"));
  }

  private void feedback(String id, String traceId, String kind, double value) {
    post(ScoringItSupport.JSON.createObjectNode().put("id", id).put("trace_id", traceId).put("kind", kind).put("value", value));
  }

  private void post(JsonNode item) {
    var r = vigil.json("POST", "/api/v1/feedback", TestServer.KEY, item.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
