package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named judges from the file and the environment; the API key only through the variable it names. */
class JudgeConfigsTest {
  @TempDir
  Path dir;

  @Test
  void judgesComeFromTheFileAndTheEnvironmentWithTheKeyReadFromTheNamedVariable() throws Exception {
    Path file = dir.resolve("vigil.yaml");
    Files.writeString(file, """
        scoring:
          plugins_dir: /opt/vigil/plugins
          judge_daily_budget_usd: 2.5
          judges:
            cheap:
              model: gpt-4o-mini
              api_key_env: OPENAI_KEY
              input_usd_per_mtok: 0.15
              output_usd_per_mtok: 0.6
            local:
              base_url: http://127.0.0.1:11434/v1
              model: llama3.1:8b
        """);
    VigilConfig.Scoring s = new ConfigLoader(Map.of("OPENAI_KEY", "sk-secret-123", "VIGIL_SCORING_JUDGES_CHEAP_TIMEOUT_MS", "9000",
        "VIGIL_SCORING_JUDGES_STRONG_JUDGE_MODEL", "gpt-4o")).load(file).scoring();

    assertThat(s.pluginsDir()).isEqualTo(Path.of("/opt/vigil/plugins"));
    assertThat(s.judgeDailyBudgetUsd()).isEqualTo(2.5);
    assertThat(s.judges()).containsOnlyKeys("cheap", "local", "strong_judge");
    VigilConfig.Judge cheap = s.judges().get("cheap");
    assertThat(cheap.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(cheap.apiKey()).isEqualTo("sk-secret-123");
    assertThat(cheap.inputUsdPerMTok()).isEqualTo(0.15);
    assertThat(cheap.outputUsdPerMTok()).isEqualTo(0.6);
    assertThat(cheap.timeoutMs()).isEqualTo(9000);
    assertThat(cheap.maxOutputTokens()).isEqualTo(300);
    assertThat(cheap.toString()).doesNotContain("sk-secret-123");
    assertThat(s.judges().get("local").apiKey()).isNull();
    assertThat(s.judges().get("strong_judge").model()).isEqualTo("gpt-4o");
  }

  @Test
  void noJudgesByDefault() {
    VigilConfig.Scoring s = new ConfigLoader(Map.of()).load(null).scoring();
    assertThat(s.judges()).isEmpty();
    assertThat(s.pluginsDir()).isNull();
    assertThat(s.judgeDailyBudgetUsd()).isEqualTo(10.0);
  }

  @Test
  void mistakesNameTheKey() throws Exception {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VIGIL_SCORING_JUDGES_CHEAP_API_KEY_ENV", "NOT_SET",
        "VIGIL_SCORING_JUDGES_CHEAP_MODEL", "m")).load(null))
        .hasMessageContaining("'scoring.judges.cheap.api_key_env' names environment variable NOT_SET, which is not set");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VIGIL_SCORING_JUDGES_CHEAP_BASE_URL", "http://x/v1")).load(null))
        .hasMessageContaining("'scoring.judges.cheap.model' is required");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VIGIL_SCORING_JUDGES_CHEAP_TEMPERATURE", "1")).load(null))
        .hasMessageContaining("VIGIL_SCORING_JUDGES_CHEAP_TEMPERATURE names no judge field");
    Path file = dir.resolve("vigil.yaml");
    Files.writeString(file, "scoring:\n  judges:\n    cheap:\n      model: m\n      price: 3\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).hasMessageContaining("'scoring.judges.cheap.price' is not a judge field");
    Files.writeString(file, "scoring:\n  judges:\n    cheap:\n      model: m\n      timeout_ms: soon\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).hasMessageContaining("'scoring.judges.cheap.timeout_ms' must be a whole number");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VIGIL_SCORING_JUDGE_DAILY_BUDGET_USD", "-1")).load(null))
        .hasMessageContaining("'scoring.judge_daily_budget_usd' must be between");
  }

  @Test
  void everyJudgeFieldIsDocumented() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
    for (String field : JudgeConfigs.FIELDS.keySet()) assertThat(docs).contains("`scoring.judges.<name>." + field + "`");
  }
}
