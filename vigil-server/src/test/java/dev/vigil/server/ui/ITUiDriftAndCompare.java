package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.vigil.server.watch.WatchTraffic;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The drift report and the variant comparison in a real browser, over seeded generated traffic. */
class ITUiDriftAndCompare {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(0, Duration.ofHours(1));

  @BeforeAll
  static void traffic() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    WatchTraffic t = new WatchTraffic(7);
    for (int i = 0; i < 200; i++) {
      t.call("search", "v1", now.minus(5, ChronoUnit.HOURS).plusSeconds(i * 60L), 500, 1000, false, "stop", null);
    }
    for (int i = 0; i < 150; i++) {
      Instant at = now.minus(50, ChronoUnit.MINUTES).plusSeconds(i * 15L);
      t.call("search", "v2", at, 900, 1000, false, i % 2 == 0 ? "length" : "stop", null);
    }
    for (int i = 0; i < 120; i++) {
      Instant at = now.minus(3, ChronoUnit.HOURS).plusSeconds(i * 60L);
      t.call("chat", "fast", at, 500, 800, false, "stop", i % 10 != 0);
      t.call("chat", "slow", at, 500, 1600, i % 8 == 0, "stop", i % 10 < 5);
    }
    // helpdesk topics, named in metadata, spread over the day (topics sample each tenth of a window): login appears now
    for (int i = 0; i < 120; i++) {
      t.asked("helpdesk", now.minus(23, ChronoUnit.HOURS).plusSeconds(i * 660L), "Where is my invoice?", i % 2 == 0 ? "billing" : "shipping");
      String topic = i % 3 == 0 ? "billing" : i % 3 == 1 ? "shipping" : "login";
      t.asked("helpdesk", now.minus(50, ChronoUnit.MINUTES).plusSeconds(i * 20L), topic.equals("login") ? "I cannot sign in" : "Where is my parcel?", topic);
    }
    t.send(vigil.server(), BrowserHarness.API_KEY);
  }

  @Test
  void driftReportFlagsTheShiftedSignals() {
    Page page = vigil.signedInPage("/ui/drift?feature=search&current=1h&baseline=1d");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Drift"))).isVisible();
    Locator tokens = page.locator("table.data tbody tr:has(code:text-is('input_tokens'))");
    assertThat(tokens.locator(".badge")).hasText("drifted");
    assertThat(tokens.locator("svg.overlay-chart path.current-line")).isVisible();
    assertThat(page.locator("table.data tbody tr:has(code:text-is('latency_ms')) .badge")).hasText("stable");
    assertThat(page.locator("table.data tbody tr:has(code:text-is('finish_reason')) .badge")).hasText("drifted");
    assertThat(page.locator("p.notice.warn")).containsText("input_tokens");
    assertThat(page.locator("#drift-feature")).hasValue("search");
    vigil.screenshot(page, "drift");

    page.locator("#drift-current").selectOption("15m"); // the controls live in the URL
    assertThat(page).hasURL(Pattern.compile(".*current=15m.*"));
    assertThat(page.locator("table.data tbody tr:has(code:text-is('input_tokens')) .badge")).isVisible();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare").setExact(true)).click();
    assertThat(page).hasURL(Pattern.compile(".*/ui/compare.*"));
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void topicsTableShowsWhichTopicAppeared() {
    Page page = vigil.signedInPage("/ui/drift?feature=helpdesk&current=1h&baseline=1d");
    Locator topics = page.locator("#topic-drift");
    Locator login = topics.locator("table.data tbody tr:has(code:text-is('login'))");
    // after the input-embedding panel, whose first request loads MiniLM
    assertThat(login).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
    assertThat(login).containsText("appeared");
    assertThat(login).containsText("I cannot sign in");
    assertThat(login.locator("td.num").first()).hasText("0.0%");
    assertThat(topics.locator("table.data tbody tr:has(code:text-is('billing')) td.num").nth(1)).hasText("33%");
    assertThat(topics.locator(".badge").first()).hasText("drifted");
    assertThat(topics).containsText("Topics named by the spans");
    vigil.screenshot(page, "drift-topics");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void comparisonShowsIntervalsAndTheBetterVariant() {
    Page page = vigil.signedInPage("/ui/compare?range=6h&feature=chat");
    assertThat(page.getByText("Pick two values to compare.")).isVisible();
    page.locator("#cmp-a").selectOption("fast");
    page.locator("#cmp-b").selectOption("slow");
    page.locator("#cmp-run").click();
    assertThat(page).hasURL(Pattern.compile(".*dimension=prompt_version.*a=fast.*b=slow.*"));
    Locator latency = page.locator("table.data tbody tr:has(code:text-is('latency_ms'))");
    assertThat(latency.locator(".badge")).hasText("fast better");
    assertThat(latency.locator("svg.ci-chart line.ci-a")).hasCount(1); // a horizontal line has no height: "hidden" to Playwright
    assertThat(latency.locator("svg.ci-chart line.ci-b")).hasCount(1);
    assertThat(latency.locator("svg.ci-chart")).isVisible();
    assertThat(page.locator("table.data tbody tr:has(code:text-is('score:correct.pass_rate')) .badge")).hasText("fast better");
    assertThat(page.locator("table.data tbody tr:has(code:text-is('input_tokens')) .badge")).hasText("no significant difference");
    vigil.screenshot(page, "compare");
    assertThat(vigil.browserErrors()).isEmpty();
  }
}
