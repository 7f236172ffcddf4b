package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.vigil.server.scoring.ChatSender;
import dev.vigil.server.scoring.Spinners;
import dev.vigil.server.scoring.plugin.PluginJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scorecards page in a real browser says when capture is paced for scoring: an evaluator that
 * burns CPU on a machine kept busy by spinning threads makes scoring lag past a 2 s bound.
 */
class ITUiCapturePaced {
  private static final Path DIR = setUp();

  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(0, Duration.ofHours(1))
      .env("VIGIL_SCORING_SCORECARDS_DIR", DIR.resolve("scorecards").toString())
      .env("VIGIL_SCORING_PLUGINS_DIR", DIR.resolve("plugin-build/plugins").toString())
      .env("VIGIL_SCORING_MAX_LAG_SECONDS", "2")
      .env("VIGIL_SCORING_EVALUATOR_TIMEOUT_MS", "30000");

  @AfterAll
  static void removeFiles() throws IOException {
    BrowserHarness.deleteTree(DIR);
  }

  private static Path setUp() {
    try {
      Path dir = Files.createTempDirectory("vigil-ui-paced");
      Files.writeString(Files.createDirectories(dir.resolve("scorecards")).resolve("burnt.yaml"),
          PluginJars.BURNS_CPU_SCORECARD);
      PluginJars.build(dir.resolve("plugin-build"), "BurnsCpu", PluginJars.BURNS_CPU);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theScorecardsPageSaysCaptureIsPacedWhileItIs() throws Exception {
    try (ChatSender sender = new ChatSender(vigil.server()); Spinners busy = Spinners.perCore(2)) {
      Page page = vigil.signedInPage("/ui/scorecards");
      Locator line = page.locator("#scoring-pipeline");
      for (int i = 0; i < 180 && !line.innerText().contains("capture paced"); i++) {
        page.waitForTimeout(500);
        page.reload();
      }
      assertThat(line).containsText(java.util.regex.Pattern.compile(
          "Backlog \\d+ spans? \\(oldest waiting \\d+ s\\) — capture paced to [\\d,]+ spans/s until scoring catches up"));
    }
  }
}
