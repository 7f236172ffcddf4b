package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a real browser: a change recorded with the alerts page's form (through the native ingest API,
 * with the session cookie) is listed with source api; a control-chart rule's editor draws its chart.
 */
class ITUiChartsAndChanges {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(300, Duration.ofHours(3))
      .env("VIGIL_ALERTING_INTERVAL_SECONDS", "1");

  @Test
  void aChangeRecordedInTheFormIsListed() {
    Page page = vigil.signedInPage("/ui/alerts");
    Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Record a change"));
    form.getByLabel("Change type").selectOption("prompt_version");
    form.getByLabel("Feature").fill("support-chat");
    form.getByLabel("Description").fill("support prompt v9 from the UI");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record a change")).click();
    assertThat(form.locator(".form-status")).hasText("Change recorded.");
    Locator row = page.locator("#alerts-changes tbody tr").filter(new Locator.FilterOptions().setHasText("support prompt v9 from the UI"));
    assertThat(row).hasCount(1);
    assertThat(row).containsText("prompt_version");
    assertThat(row).containsText("support-chat");
    assertThat(row).containsText("api");

    // a change with an explicit (past) time
    form.getByLabel("Change type").selectOption("deployment");
    form.getByLabel("Description").fill("release 2026.11.3");
    form.getByLabel("Time (empty: now)").fill(LocalDateTime.now().minusDays(2).withSecond(0).withNano(0).toString());
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record a change")).click();
    Locator deploy = page.locator("#alerts-changes tbody tr").filter(new Locator.FilterOptions().setHasText("release 2026.11.3"));
    assertThat(deploy).hasCount(1);
    assertThat(deploy).containsText("deployment");
    assertThat(deploy).containsText("all");
    // newest first
    assertThat(page.locator("#alerts-changes tbody tr").first()).containsText("support prompt v9 from the UI");
    vigil.screenshot(page, "alerts-changes");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void aChartRuleShowsItsControlChart() throws Exception {
    var put = vigil.server().json("PUT", "/api/v1/alerts/rules/count-chart", BrowserHarness.API_KEY,
        "{\"condition\": \"ewma(count, warmup=5) out of control\", \"window\": \"10m\", \"min_samples\": 1}");
    assertThat(put.statusCode()).isEqualTo(201);
    Page page = vigil.signedInPage("/ui/alert-rule/count-chart");
    Locator chart = page.locator("#rule-chart svg.control-chart");
    chart.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
    assertThat(chart.locator("path.statistic")).hasCount(1);
    assertThat(chart.locator("path.limit")).hasCount(2);
    assertThat(chart.locator("circle").first()).isAttached();
    assertThat(page.locator("#rule-chart .chart-summary")).containsText(Pattern.compile("ewma\\(count, warmup=5\\) out of control: "));
    vigil.screenshot(page, "alert-rule-chart");
    assertThat(vigil.browserErrors()).isEmpty();
  }
}
