package dev.vigil.server.scoring;

import static dev.vigil.server.scoring.ScoringItSupport.await;
import static dev.vigil.server.scoring.ScoringItSupport.awaitCaughtUp;
import static dev.vigil.server.scoring.ScoringItSupport.chat;
import static dev.vigil.server.scoring.ScoringItSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.TestServer;
import dev.vigil.server.scoring.judge.OpenAiStub;
import dev.vigil.server.scoring.plugin.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with a judge configured through the environment (pointing at a local server that
 * speaks the OpenAI protocol) and a plugin compiled into the plugins directory: OTLP spans in, judge
 * and plugin scores out through the trace API, an unusable judge reply a dead letter with its reason.
 */
class ITJudgeScoring {
  static final String SCORECARD = """
      name: support-judged
      feature: support-chat
      metrics:
        - name: helpful
          type: llm_judge
          judge: cheap
          scale: [1, 5]
          rubric: |
            Rate how helpful the answer is from 1 to 5.
            Question: {{question}}
            Answer: {{answer}}
        - name: mentions_acme
          type: custom
          plugin: mentions_product
          options: {product: Acme}
      """;

  @TempDir
  Path dir;
  OpenAiStub provider;
  TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    provider = new OpenAiStub().always(OpenAiStub.completion("{\"score\": 4, \"reason\": \"Helpful and correct.\"}", 500, 50));
    Path cards = Files.createDirectories(dir.resolve("scorecards"));
    Files.writeString(cards.resolve("judged.yaml"), SCORECARD);
    Path plugins = PluginJars.build(dir.resolve("plugin-build")).getParent();
    Map<String, String> env = new HashMap<>();
    env.put("VIGIL_SCORING_SCORECARDS_DIR", cards.toString());
    env.put("VIGIL_SCORING_PLUGINS_DIR", plugins.toString());
    env.put("VIGIL_SCORING_MAX_ATTEMPTS", "1"); // an unusable reply is a dead letter at once
    env.put("VIGIL_SCORING_JUDGES_CHEAP_BASE_URL", provider.baseUrl());
    env.put("VIGIL_SCORING_JUDGES_CHEAP_MODEL", "judge-mini");
    env.put("VIGIL_SCORING_JUDGES_CHEAP_API_KEY_ENV", "JUDGE_KEY");
    env.put("JUDGE_KEY", "sk-it-0123");
    env.put("VIGIL_SCORING_JUDGES_CHEAP_INPUT_USD_PER_MTOK", "0.15");
    env.put("VIGIL_SCORING_JUDGES_CHEAP_OUTPUT_USD_PER_MTOK", "0.60");
    vigil = new TestServer(dir.resolve("data"), env, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
    provider.close();
  }

  @Test
  void aJudgedCallCarriesTheJudgesScoreReasonAndCostAndThePluginsCheck() throws Exception {
    String trace = chat(vigil, "How do I reset my password?", "Open Acme Settings, then Security.");
    awaitCaughtUp(vigil);

    JsonNode scores = get(vigil, "/api/v1/traces/" + trace).get("scores");
    JsonNode helpful = find(scores, "helpful");
    assertThat(helpful.get("data_type").asText()).isEqualTo("numeric");
    assertThat(helpful.get("value").asDouble()).isEqualTo(4.0);
    assertThat(helpful.get("comment").asText()).isEqualTo("Helpful and correct.");
    assertThat(helpful.get("source").asText()).isEqualTo("eval");
    JsonNode meta = helpful.get("metadata");
    assertThat(meta.get("evaluator").asText()).isEqualTo("llm_judge");
    assertThat(meta.get("judge").asText()).isEqualTo("cheap");
    assertThat(meta.get("judge_model").asText()).isEqualTo("judge-mini");
    assertThat(meta.get("judge_input_tokens").asText()).isEqualTo("500");
    assertThat(meta.get("judge_output_tokens").asText()).isEqualTo("50");
    assertThat(meta.get("judge_cost_usd").asText()).isEqualTo("0.000105"); // 500 * 0.15/M + 50 * 0.60/M

    JsonNode plugin = find(scores, "mentions_acme");
    assertThat(plugin.get("data_type").asText()).isEqualTo("boolean");
    assertThat(plugin.get("value").asDouble()).isEqualTo(1.0);
    assertThat(plugin.get("metadata").get("evaluator").asText()).isEqualTo("custom");
    assertThat(plugin.get("metadata").get("evaluator_version").asText()).isEqualTo("3");

    JsonNode request = provider.requests().get(0);
    assertThat(request.get("temperature").asDouble()).isZero();
    assertThat(request.get("messages").get(1).get("content").asText())
        .contains("Question: How do I reset my password?").contains("Answer: Open Acme Settings, then Security.");
    assertThat(provider.authorizations()).containsOnly("Bearer sk-it-0123");

    JsonNode spend = get(vigil, "/api/v1/scoring/status").get("judge_spend");
    assertThat(spend.get("day").asText()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    assertThat(spend.get("calls").asLong()).isEqualTo(1);
    assertThat(spend.get("input_tokens").asLong()).isEqualTo(500);
    assertThat(spend.get("output_tokens").asLong()).isEqualTo(50);
    assertThat(spend.get("cost_usd").asDouble()).isEqualTo(0.000105, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(spend.get("daily_budget_usd").asDouble()).isEqualTo(10.0);
    assertThat(spend.get("exhausted").asBoolean()).isFalse();
  }

  @Test
  void anUnusableJudgeReplyIsADeadLetterWithItsReason() throws Exception {
    provider.always(OpenAiStub.completion("I would give it a 4.", 500, 8));
    String trace = chat(vigil, "How do I reset my password?", "Open Settings, then Security.");
    awaitCaughtUp(vigil);

    await("the dead letter", () -> get(vigil, "/api/v1/scoring/dead-letters").get("dead_letters").size() == 1);
    JsonNode dead = get(vigil, "/api/v1/scoring/dead-letters").get("dead_letters").get(0);
    assertThat(dead.get("trace_id").asText()).isEqualTo(trace);
    assertThat(dead.get("metric").asText()).isEqualTo("helpful");
    assertThat(dead.get("error").asText())
        .isEqualTo("JudgeException: judge 'cheap' (judge-mini): the reply is not the JSON object asked for: 'I would give it a 4.'");
    JsonNode scores = get(vigil, "/api/v1/traces/" + trace).get("scores");
    assertThat(scores).noneMatch(s -> s.get("name").asText().equals("helpful")); // never a guessed score
  }

  static JsonNode find(JsonNode scores, String name) {
    for (JsonNode s : scores) if (s.get("name").asText().equals(name)) return s;
    throw new AssertionError("no score '" + name + "' in " + scores);
  }
}
