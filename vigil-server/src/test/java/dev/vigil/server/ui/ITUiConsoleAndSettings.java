package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages that act: the SQL console (results, CSV, a refused query), Settings (an API key created,
 * used and revoked; a price for an unpriced model), and score trends once scores exist.
 */
class ITUiConsoleAndSettings {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness();

  /**
   * Browser errors other than Chromium's own notes about a 4xx answer the page handles, or a page
   * module that came back as the sign-in page once the session had ended.
   */
  static java.util.List<String> unexpectedErrors() {
    return vigil.browserErrors().stream()
        .filter(e -> !e.contains("Failed to load resource") && !e.contains("Failed to load module script")).toList();
  }

  static Locator editor(Page page) {
    return page.getByLabel("SQL query");
  }

  @Test
  void sqlConsoleRunsAQueryAndDownloadsCsv() throws Exception {
    Page page = vigil.signedInPage("/ui/sql");
    editor(page).fill("SELECT model, count(*) AS calls FROM spans WHERE model IS NOT NULL GROUP BY model ORDER BY calls DESC");
    editor(page).press("Control+Enter");
    Locator table = page.locator("#sql-output table");
    assertThat(table).isVisible();
    assertThat(table.locator("thead th").nth(1)).containsText("calls");
    assertThat(table.locator("tbody tr").first()).isVisible();
    assertThat(page).hasURL(Pattern.compile(".*/ui/sql\\?.*q=SELECT.*")); // shareable
    Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Download CSV")).click());
    String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("model,calls\r\n");
    assertThat(csv.split("\r\n")).hasSize(1 + table.locator("tbody tr").count());

    page.reload(); // the query comes back from the URL and runs again
    assertThat(editor(page)).hasValue(Pattern.compile("SELECT model, count\\(\\*\\).*"));
    assertThat(table.locator("tbody tr").first()).isVisible();
    vigil.screenshot(page, "sql");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void aRefusedQueryShowsWhy() {
    Page page = vigil.signedInPage("/ui/sql");
    editor(page).fill("SELECT * FROM read_csv('/etc/passwd')");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run")).click();
    Locator alert = page.locator("#sql-output [role=alert]");
    assertThat(alert).containsText("Query refused or failed");
    assertThat(alert).containsText("read_csv");
    vigil.screenshot(page, "sql-refused");
    assertThat(unexpectedErrors()).isEmpty();
  }

  @Test
  void anApiKeyIsCreatedShownOnceAndRevoked() {
    Page page = vigil.signedInPage("/ui/settings");
    page.getByLabel("New key name").fill("ci-from-browser");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
    Locator secret = page.locator("#new-secret");
    assertThat(secret).hasText(Pattern.compile("vgl_\\S+"));
    String key = secret.textContent().strip();
    assertThat(vigil.server().get("/api/v1/traces?limit=1", key).statusCode()).isEqualTo(200);

    Locator row = page.locator("section#keys tbody tr").filter(new Locator.FilterOptions().setHasText("ci-from-browser"));
    assertThat(row.getByText("active")).isVisible();
    vigil.screenshot(page, "settings");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke key ci-from-browser")).click();
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm: revoke key ci-from-browser")).click();
    assertThat(row.getByText(Pattern.compile("revoked"))).isVisible();
    assertThat(vigil.server().get("/api/v1/traces?limit=1", key).statusCode()).isEqualTo(401);
    page.reload(); // the secret is gone for good
    assertThat(page.locator("#new-secret")).hasCount(0);
    assertThat(page.getByText(key)).hasCount(0);
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void anUnpricedModelGetsAPriceFromTheCostPage() {
    String model = "ui-test.house-model";
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String call = """
        {"items": [{"type": "span", "trace_id": "ui-unpriced", "span_id": "call", "model": "%s", "provider": "acme",
          "start_time": "%s", "end_time": "%s", "usage": {"input_tokens": 100, "output_tokens": 20}}]}"""
        .formatted(model, now.minusSeconds(30), now.minusSeconds(29));
    var r = vigil.server().post("/api/v1/ingest", BrowserHarness.API_KEY, "application/json", call.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    vigil.server().flush();
    Page page = vigil.signedInPage("/ui/cost");
    Locator unpriced = page.locator("section[aria-label='Models without a price'] tbody tr")
        .filter(new Locator.FilterOptions().setHasText(model));
    assertThat(unpriced).isVisible();
    unpriced.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Add a price")).click();
    assertThat(page).hasURL(Pattern.compile(".*/ui/settings\\?.*price_model=.*"));
    Locator row = page.locator("section#prices tbody tr").last();
    assertThat(row.locator("input[name=model_pattern]")).hasValue("ui-test\\.house-model"); // a regex of the exact name
    assertThat(row.locator("input[name=provider]")).hasValue("acme");
    row.locator("input[name=input_per_million]").fill("1.5");
    row.locator("input[name=output_per_million]").fill("6");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save prices")).click();
    assertThat(page.locator("section#prices").getByText("Saved")).isVisible();
    String project = vigil.server().get("/api/v1/project", BrowserHarness.API_KEY).body();
    assertThat(project).contains("\"input_per_million\":1.5").contains("\"output_per_million\":6.0");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void signingOutAndAnEndedSessionLeadToTheLoginPage() {
    Page page = vigil.signedInPage("/ui/traces?errors=true");
    assertThat(page.locator("table.data tbody tr").first()).isVisible();
    vigil.context().clearCookies(); // the session ends elsewhere (expiry, sign-out in another tab)
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
    assertThat(page).hasURL(Pattern.compile(".*/login\\?next=%2Fui%2Fusers.*"));
    page.getByLabel("Username").fill(BrowserHarness.USERNAME);
    page.getByLabel("Password").fill(BrowserHarness.PASSWORD);
    page.getByLabel("Password").press("Enter");
    assertThat(page).hasURL(vigil.url("/ui/users"));
    assertThat(page.locator("table.data tbody tr").first()).isVisible();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    assertThat(vigil.context().cookies().stream().filter(c -> c.name.equals("vigil_session"))).isEmpty();
    assertThat(unexpectedErrors()).isEmpty();
  }

  @Test
  void scoresShowAsTrendsOnTheOverview() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0) items.append(',');
      items.append("""
          {"type": "score", "id": "ui-score-%d", "trace_id": "ui-scored-trace", "name": "helpfulness",
           "value": %s, "source": "eval", "timestamp": "%s"}""".formatted(i, 0.5 + i * 0.03, now.minus(i * 20L, ChronoUnit.MINUTES)));
    }
    var r = vigil.server().post("/api/v1/ingest", BrowserHarness.API_KEY, "application/json",
        ("{\"items\": [" + items + "]}").getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    vigil.server().flush();
    Page page = vigil.signedInPage("/ui/overview?range=6h");
    Locator scores = page.locator("section[aria-label='Scores']");
    scores.scrollIntoViewIfNeeded();
    // the overview loads many panels at once: on a busy shared host 5 s is not always enough
    assertThat(scores.locator("svg.chart-svg")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    assertThat(scores.locator("ul.legend")).containsText("helpfulness");
    assertThat(vigil.browserErrors()).isEmpty();
  }
}
