package dev.vigil.server.scoring.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.ScoreDataType;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.TestSubjects;
import dev.vigil.server.scoring.scorecard.ScorecardException;
import dev.vigil.server.scoring.scorecard.ScorecardParser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin compiled at test time into a jar with META-INF/services, loaded from the plugins directory. */
class PluginEvaluatorTest {
  @TempDir
  Path dir;
  Path pluginsDir;

  @BeforeEach
  void build() throws Exception {
    pluginsDir = PluginJars.build(dir).getParent();
  }

  Evaluator metric(Plugins plugins, String metric) {
    return new ScorecardParser(new Evaluators("US", Map.of("custom", plugins::evaluator)))
        .parse("name: c\nfeature: support-chat\nmetrics:\n" + metric, "c.yaml", "test").metrics().get(0).evaluator();
  }

  @Test
  void aPluginFoundByNameScoresWithItsOptionsAndVersion() throws Exception {
    Evaluator e = metric(Plugins.load(pluginsDir), """
          - name: mentions_acme
            type: custom
            plugin: mentions_product
            options: {product: Acme}
        """);
    assertThat(e.type()).isEqualTo("custom");
    assertThat(e.version()).isEqualTo(3);
    Outcome yes = e.evaluate(TestSubjects.subject("Who makes it?", "Acme does."));
    Outcome no = e.evaluate(TestSubjects.subject("Who makes it?", "Nobody knows."));
    assertThat(yes.dataType()).isEqualTo(ScoreDataType.BOOLEAN);
    assertThat(yes.passed()).isTrue();
    assertThat(yes.explanation()).isEqualTo("mentions Acme");
    assertThat(yes.metadata()).containsEntry("plugin", "mentions_product").containsEntry("plugin_class", "com.acme.MentionsProduct");
    assertThat(no.passed()).isFalse();
    assertThat(no.explanation()).isEqualTo("does not mention Acme (asked: Who makes it?)");
    assertThat(e.evaluate(TestSubjects.subject("q", "")).applicable()).isFalse();
  }

  @Test
  void aPluginCanBeNamedByItsClass() throws Exception {
    Evaluator e = metric(Plugins.load(pluginsDir), """
          - name: m
            type: custom
            class: com.acme.MentionsProduct
            options: {product: Vigil}
        """);
    assertThat(e.evaluate(TestSubjects.subject("q", "Vigil watches it")).passed()).isTrue();
  }

  @Test
  void aThrowingPluginFailsTheEvaluationWithItsNameAndMessage() {
    Evaluator e = metric(Plugins.load(pluginsDir), """
          - name: m
            type: custom
            plugin: mentions_product
            options: {product: Acme}
        """);
    assertThatThrownBy(() -> e.evaluate(TestSubjects.subject("q", "boom")))
        .hasMessage("custom evaluator 'mentions_product' (com.acme.MentionsProduct) failed: "
            + "java.lang.IllegalStateException: exploded on purpose");
  }

  @Test
  void problemsAreReportedAtTheMetric() {
    Plugins plugins = Plugins.load(pluginsDir);
    assertThatThrownBy(() -> metric(plugins, """
          - name: m
            type: custom
            plugin: nope
        """)).isInstanceOf(ScorecardException.class)
        .hasMessageContaining("c.yaml:6:").hasMessageContaining("no custom evaluator named 'nope' in " + pluginsDir + "; available: [mentions_product]");
    assertThatThrownBy(() -> metric(plugins, """
          - name: m
            type: custom
            plugin: mentions_product
            options: {product: 7}
        """)).isInstanceOf(ScorecardException.class)
        .hasMessageContaining("custom evaluator 'mentions_product' rejects its options: 'product' must be a string");
    assertThatThrownBy(() -> metric(plugins, """
          - name: m
            type: custom
            plugin: mentions_product
            class: com.acme.MentionsProduct
        """)).isInstanceOf(ScorecardException.class).hasMessageContaining("exactly one of 'plugin'");
    assertThatThrownBy(() -> metric(Plugins.load(null), """
          - name: m
            type: custom
            plugin: mentions_product
        """)).isInstanceOf(ScorecardException.class).hasMessageContaining("scoring.plugins_dir is not set");
    assertThatThrownBy(() -> metric(Plugins.load(dir.resolve("missing")), """
          - name: m
            type: custom
            plugin: mentions_product
        """)).isInstanceOf(ScorecardException.class).hasMessageContaining("does not exist");
  }
}
