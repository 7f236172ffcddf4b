package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped demo scorecards and the documented example are valid and cover the demo's features. */
class DemoScorecardsTest {
  static final ScorecardParser PARSER = new ScorecardParser(new Evaluators("US"));

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
    while (m.find()) PARSER.parse(m.group(1), "docs/scorecards.md", "api");
  }
}
