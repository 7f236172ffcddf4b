package dev.vigil.server.scoring;

import static dev.vigil.server.scoring.ScoringItSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.TestServer;
import dev.vigil.server.scoring.judge.OpenAiStub;
import dev.vigil.server.scoring.plugin.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scoring.max_lag_seconds} on the real server, with spans arriving over OTLP and the machine's
 * CPU made busy by spinning threads: scoring that lags for want of CPU (an evaluator that burns it)
 * paces ingest until it has caught up, and every request still succeeds; scoring that lags because
 * a judge answers slowly does not, because its threads sleep on the network and taking CPU from
 * capture would not help it.
 */
class ITIngestPacing {
  static final String JUDGED = """
      name: support-judged
      feature: support-chat
      metrics:
        - name: helpful
          type: llm_judge
          judge: slow
          scale: [1, 5]
          rubric: |
            Rate how helpful the answer is from 1 to 5.
            Question: {{question}}
            Answer: {{answer}}
      """;

  @TempDir
  Path dir;
  OpenAiStub provider;
  TestServer vigil;
  ChatSender sender;

  private void start(String scorecard, Map<String, String> env) throws Exception {
    Path cards = Files.createDirectories(dir.resolve("scorecards"));
    Files.writeString(cards.resolve("card.yaml"), scorecard);
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("VIGIL_SCORING_SCORECARDS_DIR", cards.toString());
    all.put("VIGIL_SCORING_EVALUATOR_TIMEOUT_MS", "30000");
    vigil = new TestServer(dir.resolve("data"), all, Clock.systemUTC());
    sender = new ChatSender(vigil);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (sender != null) sender.close();
    if (vigil != null) vigil.close();
    if (provider != null) provider.close();
  }

  @Test
  void scoringShortOfCpuPacesIngestUntilItHasCaughtUp() throws Exception {
    Path plugins = PluginJars.build(dir.resolve("plugin-build"), "BurnsCpu", PluginJars.BURNS_CPU).getParent();
    start(PluginJars.BURNS_CPU_SCORECARD, Map.of("VIGIL_SCORING_MAX_LAG_SECONDS", "2", "VIGIL_SCORING_PLUGINS_DIR", plugins.toString()));
    try (Spinners busy = Spinners.perCore(2)) {
      await("scoring lags past the bound", () -> metric("vigil_scoring_lag_seconds") > 2);
      await("ingest paced", () -> metric("vigil_ingest_paced") == 1.0);
      var status = ScoringItSupport.get(vigil, "/api/v1/scoring/status");
      assertThat(status.get("capture_paced").asBoolean()).as("the status says so too").isTrue();
      assertThat(status.get("capture_paced_spans_per_second").asLong()).isGreaterThanOrEqualTo(1000);
      int before = sender.sent();
      await("requests keep arriving while paced", () -> sender.sent() >= before + 3);
      assertThat(metric("vigil_ingest_paced_requests_total")).isPositive();
    }
    await("pacing stops once scoring has caught up", () -> metric("vigil_ingest_paced") == 0.0);
    var status = ScoringItSupport.get(vigil, "/api/v1/scoring/status");
    assertThat(status.get("capture_paced").asBoolean()).isFalse();
    assertThat(status.get("capture_paced_spans_per_second").isNull()).isTrue();
    assertThat(metric("vigil_scoring_lag_seconds")).as("it ended because the lag shrank").isLessThanOrEqualTo(1.0);
    assertThat(sender.refused()).as("paced requests wait their turn; none is refused").isEmpty();
  }

  @Test
  void aSlowJudgeOnABusyMachineDoesNotPaceIngest() throws Exception {
    OpenAiStub.Answer reply = OpenAiStub.completion("{\"score\": 4, \"reason\": \"Fine.\"}", 100, 10);
    provider = new OpenAiStub().always(new OpenAiStub.Answer(reply.status(), reply.headers(), reply.body(), 2500));
    start(JUDGED, Map.of("VIGIL_SCORING_MAX_LAG_SECONDS", "1",
        "VIGIL_SCORING_JUDGES_SLOW_BASE_URL", provider.baseUrl(),
        "VIGIL_SCORING_JUDGES_SLOW_MODEL", "judge-mini"));
    await("scoring lags past the bound", () -> metric("vigil_scoring_lag_seconds") > 1);
    try (Spinners busy = Spinners.perCore(2)) {
      int before = sender.sent();
      await("requests arrive on the busy machine", () -> sender.sent() >= before + 20);
      assertThat(metric("vigil_scoring_lag_seconds")).as("still lagging").isGreaterThan(1);
      assertThat(metric("vigil_ingest_paced_requests_total"))
          .as("the judge's threads sleep on the network: not a lack of CPU, never paced").isZero();
      assertThat(metric("vigil_ingest_paced")).isZero();
    }
    assertThat(sender.refused()).isEmpty();
  }

  @Test
  void removingTheScorecardsEndsTheLag() throws Exception {
    OpenAiStub.Answer reply = OpenAiStub.completion("{\"score\": 4, \"reason\": \"Fine.\"}", 100, 10);
    provider = new OpenAiStub().always(new OpenAiStub.Answer(reply.status(), reply.headers(), reply.body(), 2500));
    start(JUDGED, Map.of("VIGIL_SCORING_JUDGES_SLOW_BASE_URL", provider.baseUrl(),
        "VIGIL_SCORING_JUDGES_SLOW_MODEL", "judge-mini"));
    await("scoring lags", () -> metric("vigil_scoring_lag_seconds") > 1);
    Files.delete(dir.resolve("scorecards/card.yaml"));
    // nothing waits for a scorecard that is gone: a lag left standing would pace capture for ever
    await("no lag once nothing is to be scored", () -> metric("vigil_scoring_lag_seconds") == 0.0
        && metric("vigil_scoring_backlog_spans") == 0.0);
  }

  private double metric(String name) {
    for (String line : vigil.get("/metrics", null).body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
    throw new AssertionError("no metric " + name);
  }
}
