package dev.vigil.server.scoring;

import static dev.vigil.server.scoring.ScoringItSupport.await;
import static dev.vigil.server.scoring.ScoringItSupport.awaitCaughtUp;
import static dev.vigil.server.scoring.ScoringItSupport.chat;
import static dev.vigil.server.scoring.ScoringItSupport.get;
import static dev.vigil.server.scoring.ScoringItSupport.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The real server: scores written by the pipeline read back as aggregates through
 * {@code GET /api/v1/scores/metrics}, and a scorecard file edited while the server runs.
 */
class ITScoreMetricsAndReload {
  static final String CARD = """
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
          max: %d
      """;

  @TempDir
  Path dir;
  Path cards;
  TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    cards = Files.createDirectories(dir.resolve("scorecards"));
    Files.writeString(cards.resolve("support.yaml"), CARD.formatted(40));
    vigil = new TestServer(dir.resolve("data"), Map.of("VIGIL_SCORING_SCORECARDS_DIR", cards.toString()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  @Test
  void aggregatesOfPipelineScores() throws Exception {
    chat(vigil, "How do I reset my password?", "Open Settings, then Security.");
    chat(vigil, "Anything else?", "No, that is all.");
    chat(vigil, "My chest hurts", "I would diagnose angina and prescribe rest.");
    chat(vigil, "Thanks", "You're welcome.");
    awaitCaughtUp(vigil);

    JsonNode m = get(vigil, "/api/v1/scores/metrics?score=no_medical_advice&bucket=1h&from=" + (System.currentTimeMillis() - 3_600_000L));
    assertThat(m.get("score").asText()).isEqualTo("no_medical_advice");
    long total = 0;
    double passed = 0;
    for (JsonNode row : m.get("rows")) {
      total += row.get("count").asLong();
      passed += row.get("pass_rate").asDouble() * row.get("count").asLong();
    }
    assertThat(total).isEqualTo(4);
    assertThat(passed).isEqualTo(3.0);
    assertThat(m.get("distribution").get("labels").toString()).isEqualTo("{\"pass\":3,\"fail\":1}");
    assertThat(m.get("distribution").get("histogram")).isEmpty();

    // sliced and grouped by span dimensions; one bucket for the whole range (what an alert rule reads)
    JsonNode byModel = get(vigil, "/api/v1/scores/metrics?score=no_medical_advice&group_by=feature&feature=support-chat");
    assertThat(byModel.get("rows")).singleElement().satisfies(r -> {
      assertThat(r.get("group").asText()).isEqualTo("support-chat");
      assertThat(r.get("count").asLong()).isEqualTo(4);
      assertThat(r.get("pass_rate").asDouble()).isEqualTo(0.75);
    });
    assertThat(get(vigil, "/api/v1/scores/metrics?score=no_medical_advice&feature=search").get("rows")).isEmpty();
  }

  @Test
  void badParametersAreNamed() {
    assertBad("/api/v1/scores/metrics", "'score' (the score name) is required");
    assertBad("/api/v1/scores/metrics?score=x&threshold=high", "'threshold' must be a number");
    assertBad("/api/v1/scores/metrics?score=x&group_by=feature,model", "one dimension");
    assertBad("/api/v1/scores/metrics?score=x&group_by=colour", "unknown dimension 'colour'");
    assertBad("/api/v1/scores/metrics?score=x&bucket=7s", "'bucket'");
    assertBad("/api/v1/scores/metrics?score=x&min_latency_ms=5", "does not apply to scores");
    assertBad("/api/v1/scores/metrics?score=x&bins=0", "'bins'");
    assertBad("/api/v1/scores/metrics?score=x&colour=red", "unknown query parameter 'colour'");
    assertThat(vigil.get("/api/v1/scores/metrics?score=x", null).statusCode()).isEqualTo(401);
  }

  private void assertBad(String path, String message) {
    var r = vigil.get(path, TestServer.KEY);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
    assertThat(read(r.body()).get("error").asText()).contains(message);
  }

  @Test
  void anEditedScorecardFileIsReloadedAndABrokenOneKeepsThePreviousVersion() throws Exception {
    String v1 = scorecardVersion();
    Path file = cards.resolve("support.yaml");

    Files.writeString(file, CARD.formatted(80));
    await("the edited file in force", () -> !scorecardVersion().equals(v1));
    String v2 = scorecardVersion();
    assertThat(get(vigil, "/api/v1/scorecards/support-quality").get("yaml").asText()).contains("max: 80");

    Files.writeString(file, CARD.formatted(80).replace("type: policy", "type: astrology"));
    await("the problem reported", () -> get(vigil, "/api/v1/scoring/status").get("scorecard_file_problems").size() == 1);
    JsonNode problem = get(vigil, "/api/v1/scoring/status").get("scorecard_file_problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo(file.toString());
    assertThat(problem.get("problems").get(0).asText()).contains(file + ":7:").contains("astrology");
    assertThat(scorecardVersion()).as("the previous version stays in force").isEqualTo(v2);

    // scoring goes on with the version in force
    String trace = chat(vigil, "Hi", "Hello there.");
    awaitCaughtUp(vigil);
    JsonNode scores = get(vigil, "/api/v1/traces/" + trace).get("scores");
    assertThat(scores).hasSize(2);
    assertThat(scores.get(0).get("metadata").get("scorecard_version").asText()).isEqualTo(v2);

    Files.writeString(file, CARD.formatted(80));
    await("the problem cleared", () -> get(vigil, "/api/v1/scoring/status").get("scorecard_file_problems").isEmpty());
  }

  private String scorecardVersion() {
    return get(vigil, "/api/v1/scoring/status").get("scorecards").get(0).get("version").asText();
  }
}
