package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alerts page and the rule editor in a real browser: a rule written in the editor is previewed
 * over the demo traffic (series, threshold, shaded would-fire stretches), saved, fires, and its
 * webhook to a receiver that answers 500 shows up as a failed attempt; silences are created and expired.
 */
class ITUiAlerts {
  private static final HttpServer RECEIVER = failingReceiver();

  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(300, Duration.ofHours(3))
      .env("VIGIL_ALERTING_RULES_FILE", rulesFile().toString())
      .env("VIGIL_ALERTING_INTERVAL_SECONDS", "1");

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop(0);
  }

  @Test
  void aRuleIsPreviewedSavedAndItsFailedDeliveryIsVisible() {
    Page page = vigil.signedInPage("/ui/alert-rule");
    page.getByLabel("Rule name").fill("ui-busy");
    page.getByLabel("Rule (YAML)").fill("condition: count >= 1\nwindow: 10m\nmin_samples: 1\nchannels: [hook]\n");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
    // the replay runs the evaluator a few hundred times: give it time on a busy machine
    page.locator(".preview-summary").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
    Locator chart = page.locator("#rule-preview svg");
    assertThat(chart.locator("line.threshold")).hasCount(1);
    assertThat(chart.locator("path.line").first()).isVisible();
    assertThat(chart.locator("rect.would-firing").first()).isAttached();
    assertThat(page.locator(".preview-summary")).containsText(Pattern.compile("Would have fired [1-9]"));
    vigil.screenshot(page, "alert-rule-editor");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    page.waitForURL(Pattern.compile(".*/ui/alerts.*"));
    Locator rule = page.locator("#alerts-rules tbody tr").filter(new Locator.FilterOptions().setHasText("ui-busy"));
    assertThat(rule).containsText("count >= 1.0");
    assertThat(rule).containsText("api");

    // the rule fires on the next evaluations and its webhook fails with HTTP 500: visible with each attempt
    Locator delivery = page.locator("#alerts-deliveries tbody tr").filter(new Locator.FilterOptions().setHasText("hook"));
    Locator now = page.locator("#alerts-now tbody tr").filter(new Locator.FilterOptions().setHasText("ui-busy"));
    // the notification is queued just before the alert's state is saved: a page load between sees only the first
    for (int i = 0; i < 60 && (delivery.count() == 0 || now.count() == 0); i++) {
      page.waitForTimeout(500);
      page.reload();
    }
    assertThat(now).containsText("firing");
    assertThat(delivery.first()).containsText("ui-busy");
    for (int i = 0; i < 60 && !delivery.first().innerText().contains("500"); i++) {
      page.waitForTimeout(500);
      page.reload();
    }
    assertThat(delivery.first()).containsText("HTTP 500");
    delivery.first().locator(".attempts button").click();
    assertThat(delivery.first().locator(".attempt-list li").first()).containsText(Pattern.compile("#1 .* failed · HTTP 500"));
    assertThat(page.locator("#alerts-history tbody tr").filter(new Locator.FilterOptions().setHasText("ui-busy")).first())
        .containsText("firing");
    vigil.screenshot(page, "alerts");
    assertThat(unexpectedErrors()).isEmpty();
  }

  @Test
  void aBadRuleShowsTheServersMessageAndIsNotSaved() {
    Page page = vigil.signedInPage("/ui/alert-rule");
    page.getByLabel("Rule name").fill("ui-bad");
    page.getByLabel("Rule (YAML)").fill("condition: bogus > 1\n");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator(".rule-message [role=alert]")).containsText("rule 'ui-bad': condition: condition 'bogus > 1' at column 1: unknown metric 'bogus'");
    page.getByLabel("Rule (YAML)").fill("condition: error_rate > 0.1\nchannels: [pager]\n");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator(".rule-message [role=alert]")).containsText("no channel named 'pager'");
    assertThat(page).hasURL(Pattern.compile(".*/ui/alert-rule$"));
    assertThat(vigil.server().get("/api/v1/alerts/rules/ui-bad", BrowserHarness.API_KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void aSilenceIsCreatedAndExpired() {
    Page page = vigil.signedInPage("/ui/alerts");
    page.getByLabel("Matchers").fill("rule=ui-quiet, feature=support-chat");
    page.getByLabel("Comment").fill("maintenance window");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Silence")).click();
    Locator row = page.locator("#alerts-silences tbody tr").filter(new Locator.FilterOptions().setHasText("maintenance window"));
    assertThat(row).containsText("feature=support-chat, rule=ui-quiet");
    assertThat(row).containsText("active");
    assertThat(row).containsText("user:admin");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Expire")).click();
    assertThat(row).containsText("expired");

    page.getByLabel("Matchers").fill("no equals sign");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Silence")).click();
    assertThat(page.locator("form[aria-label='New silence'] [role=status]")).containsText("is not name=value");
  }

  private java.util.List<String> unexpectedErrors() {
    // the failed webhook is the server's business, not the page's: no browser errors are expected
    return vigil.browserErrors();
  }

  private static HttpServer failingReceiver() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/hook", exchange -> {
        exchange.getRequestBody().readAllBytes();
        byte[] body = "receiver is down for maintenance".getBytes();
        exchange.sendResponseHeaders(500, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path rulesFile() {
    try {
      Path file = Files.createTempFile("vigil-ui-alerts-", ".yaml");
      Files.writeString(file, """
          channels:
            - {name: hook, type: webhook, url: "http://127.0.0.1:%d/hook", secret: s3cret}
          """.formatted(RECEIVER.getAddress().getPort()));
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
