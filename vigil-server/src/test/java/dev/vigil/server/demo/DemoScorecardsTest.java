package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.server.scoring.judge.JudgePanel;
import dev.vigil.server.scoring.judge.JudgeSettings;
import dev.vigil.server.scoring.plugin.PluginJars;
import dev.vigil.server.scoring.plugin.Plugins;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped demo scorecards and the documented example are valid and cover the demo's features. */
class DemoScorecardsTest {
  static final ScorecardParser PARSER = new ScorecardParser(new Evaluators("US"));

  @TempDir
  Path dir;

  @Test
  void everyDemoScorecardIsValidAndEveryFeatureHasOne() {
    java.util.Set<String> features = new java.util.HashSet<>();
    for (String name : DemoScorecards.NAMES) {
      Scorecard c = PARSER.parse(DemoScorecards.yaml(name), name + ".yaml", "api");
      assertThat(c.name()).isEqualTo(name);
      features.addAll(c.features());
    }
    assertThat(features).containsExactlyInAnyOrder(SupportChat.FEATURE, SearchAnswer.FEATURE, Summarize.FEATURE,
        Classify.FEATURE, IncidentAgent.FEATURE);
  }

  @Test
  void theDocumentedExampleIsTheSupportScorecardAndParses() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "scorecards.md"));
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(docs);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(DemoScorecards.yaml("support-chat"));
    while (m.find()) documented().parse(m.group(1), "docs/scorecards.md", "api");
  }

  /** A parser with the judges and the plugin the documentation's examples name (nothing is called while parsing). */
  private ScorecardParser documented() throws Exception {
    java.util.Map<String, JudgeSettings> judges = new java.util.HashMap<>();
    for (String name : java.util.List.of("cheap", "strong")) {
      judges.put(name, new JudgeSettings(name, "http://127.0.0.1:9/v1", "m", null, 0, 0, java.time.Duration.ofSeconds(1), 100));
    }
    JudgePanel panel = new JudgePanel(judges, 1, null, new SimpleMeterRegistry(), java.time.Clock.systemUTC());
    Plugins plugins = Plugins.load(PluginJars.build(dir).getParent());
    return new ScorecardParser(new Evaluators("US", java.util.Map.of("llm_judge", panel::evaluator, "custom", plugins::evaluator)));
  }
}
