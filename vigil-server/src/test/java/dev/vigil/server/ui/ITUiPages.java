package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read-side pages in a real browser over demo traffic: overview, traces explorer (filters in the
 * URL survive a reload), trace detail with its messages, sessions, users, cost, and a narrow window.
 * Each test leaves a screenshot of its page in docs/screenshots/.
 */
class ITUiPages {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PII_TRACE = "ui-test-pii-trace";
  static String piiTraceId;

  /** A deployment marker for the charts and a chat whose prompt held an email (masked on ingest). */
  @BeforeAll
  static void extraData() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"items": [
          {"type": "change", "id": "ui-test-deploy", "change_type": "deployment", "feature": "support-chat",
           "description": "support prompt v8", "timestamp": "%s"},
          {"type": "trace", "trace_id": "%s", "name": "pii check", "start_time": "%s", "end_time": "%s",
           "feature": "support-chat", "user_id": "u-pii", "session_id": "s-pii"},
          {"type": "span", "trace_id": "%s", "span_id": "llm-1", "model": "gpt-4o-mini", "provider": "openai",
           "start_time": "%s", "end_time": "%s", "usage": {"input_tokens": 30, "output_tokens": 12},
           "input_messages": [{"role": "system", "content": "You are a support agent."},
                              {"role": "user", "content": "Please write to jane.doe@example.com about my order."}],
           "output_messages": [{"role": "assistant", "content": "I will email you shortly."}]}
        ]}""".formatted(now.minus(90, ChronoUnit.MINUTES), PII_TRACE, now.minusSeconds(60), now.minusSeconds(58),
        PII_TRACE, now.minusSeconds(60), now.minusSeconds(59));
    var r = vigil.server().post("/api/v1/ingest", BrowserHarness.API_KEY, "application/json", body.getBytes());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    assertThat(r.body()).doesNotContain("\"error\"");
    vigil.server().flush();
    JsonNode traces = JSON.readTree(vigil.server().get("/api/v1/traces?user=u-pii", BrowserHarness.API_KEY).body());
    piiTraceId = traces.get("traces").get(0).get("trace_id").asText();
  }

  /** Scrolls to the bottom step by step, so every lazily loaded section loads, then back up. */
  static void scrollThrough(Page page) {
    for (int i = 0; i < 12; i++) {
      page.mouse().wheel(0, 700);
      page.waitForTimeout(120);
    }
    page.evaluate("window.scrollTo(0, 0)");
  }

  static void noLoadingLeft(Page page) {
    assertThat(page.locator(".state.loading")).hasCount(0);
    assertThat(page.locator(".state.error")).hasCount(0);
  }

  @Test
  void overviewShowsHealthQualityCostAndFailures() {
    Page page = vigil.signedInPage("/ui/");
    assertThat(page).hasURL(vigil.url("/ui/")); // one project: nothing added to the URL
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
    Locator requests = page.locator(".kpi:has(.kpi-label:text-is('Requests')) .kpi-value");
    assertThat(requests).hasText(Pattern.compile("[1-9][\\d,]*"));
    assertThat(page.locator("section[aria-label='Requests'] svg.chart-svg")).isVisible();
    assertThat(page.locator("section[aria-label='Requests'] .marker")).not().hasCount(0); // the deployment
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("6h").setExact(true)).click(); // the demo's hours
    assertThat(page).hasURL(Pattern.compile(".*range=6h.*"));
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("6h").setExact(true)))
        .hasAttribute("aria-pressed", "true");
    assertThat(page.locator("section[aria-label='Requests'] svg.chart-svg")).isVisible();
    scrollThrough(page);
    assertThat(page.getByText("No scores yet — scoring arrives with scorecards.")).isVisible();
    assertThat(page.locator("section[aria-label='Cost by model'] svg .bar-label").first()).isVisible();
    assertThat(page.locator("section[aria-label='Slowest requests'] tbody tr")).not().hasCount(0);
    noLoadingLeft(page);
    vigil.screenshot(page, "overview");

    // a click on a moment of a chart opens the traces of that moment
    Locator overlay = page.locator("section[aria-label='Requests'] rect.overlay");
    var box = overlay.boundingBox();
    page.mouse().click(box.x + box.width * 0.6, box.y + box.height / 2);
    assertThat(page).hasURL(Pattern.compile(".*/ui/traces\\?.*from=.*&to=.*"));
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Custom").setExact(true)))
        .hasAttribute("aria-pressed", "true");
    assertThat(page.locator("table.data tbody tr").first()).isVisible();
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void aCustomRangeIsPickedAndKept() {
    Page page = vigil.signedInPage("/ui/users");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Custom").setExact(true)).click();
    page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2020-01-01T00:00");
    page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2020-01-02T00:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
    assertThat(page).hasURL(Pattern.compile(".*from=2020-01-01T00%3A00%3A00.000Z&to=2020-01-02T00%3A00%3A00.000Z.*"));
    assertThat(page.getByText("No users in this range.", new Page.GetByTextOptions().setExact(false))).isVisible();
    assertThat(page.locator("#range-note")).hasText("2020-01-01 00:00:00 – 2020-01-02 00:00:00");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Traces")).click(); // the range follows
    assertThat(page).hasURL(Pattern.compile(".*/ui/traces\\?from=2020.*"));
    assertThat(page.getByText("No traces match these filters in this range.")).isVisible();
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void tracesFiltersLiveInTheUrlAndSurviveAReload() {
    Page page = vigil.signedInPage("/ui/traces");
    assertThat(page.locator("table.data tbody tr").first()).isVisible();
    page.locator("#feature").selectOption("support-chat"); // the global feature filter
    assertThat(page).hasURL(Pattern.compile(".*feature=support-chat.*"));
    page.locator("#flt-errors").selectOption("true");
    assertThat(page).hasURL(Pattern.compile(".*errors=true.*"));
    Locator rows = page.locator("table.data tbody tr");
    assertThat(rows.first()).isVisible();
    assertThat(page.locator("table.data tbody tr:not(.err)")).hasCount(0);

    page.reload();
    assertThat(page).hasURL(Pattern.compile(".*errors=true.*"));
    assertThat(page.locator("#flt-errors")).hasValue("true");
    assertThat(page.locator("#feature")).hasValue("support-chat");
    assertThat(page.locator(".chip").filter(new Locator.FilterOptions().setHasText("with errors"))).isVisible();
    assertThat(rows.first()).isVisible();
    List<String> features = page.locator("table.data tbody tr td:nth-child(3)").allTextContents();
    assertThat(features).isNotEmpty().allMatch("support-chat"::equals);
    page.locator("#flt-errors").selectOption("");
    assertThat(rows.nth(10)).isVisible();
    vigil.screenshot(page, "traces");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void tracesColumnsAreRememberedAndLiveTailRefreshes() {
    Page page = vigil.signedInPage("/ui/traces");
    Locator traceIdHeader = page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Trace id"));
    assertThat(page.locator("table.data tbody tr").first()).isVisible();
    assertThat(traceIdHeader).hasCount(0);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Columns")).click();
    page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Trace id")).check();
    assertThat(traceIdHeader).isVisible();
    page.reload();
    assertThat(traceIdHeader).isVisible();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Live tail")).click();
    assertThat(page).hasURL(Pattern.compile(".*live=1.*"));
    Locator status = page.locator(".page-head .sql-meta");
    assertThat(status).containsText("live, updated");
    String first = status.textContent();
    page.waitForTimeout(5600); // one refresh
    assertThat(status).not().hasText(first);
    assertThat(page.locator(".pager")).hasCount(0);
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void traceDetailShowsTheConversationByRoleWithPiiMasked() {
    Page page = vigil.signedInPage("/ui/trace/" + piiTraceId);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("pii check"))).isVisible();
    assertThat(page.locator(".wf-row")).hasCount(2);
    assertThat(page.locator(".msg.system .msg-role")).hasText("system");
    assertThat(page.locator(".msg.user .msg-role")).hasText("user");
    assertThat(page.locator(".msg.assistant .msg-text")).hasText("I will email you shortly.");
    assertThat(page.locator(".msg.user mark.pii")).hasText("[EMAIL]");
    assertThat(page.getByText("jane.doe@example.com")).hasCount(0);
    assertThat(page).hasURL(Pattern.compile(".*span=[0-9a-f]{16}.*")); // the selected span is shareable
    vigil.screenshot(page, "trace-pii");

    // a demo agent trace: many spans, tool calls in the output
    page.navigate("/ui/traces?feature=incident-agent");
    page.locator("table.data tbody tr a.rowlink").first().click();
    assertThat(page).hasURL(Pattern.compile(".*/ui/trace/[0-9a-f]{32}.*"));
    assertThat(page.locator(".wf-row").nth(2)).isVisible();
    assertThat(page.locator(".msg .msg-role").first()).isVisible();
    assertThat(page.locator(".msg-role").allTextContents()).contains("system", "user");
    vigil.screenshot(page, "trace");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(Pattern.compile("Attributes"))).click();
    assertThat(page).hasURL(Pattern.compile(".*tab=attributes.*"));
    assertThat(page.locator("#span-tabpanel table").first()).isVisible();
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void sessionsListAndOneSessionReadAsAConversation() {
    Page page = vigil.signedInPage("/ui/sessions");
    assertThat(page.locator("table.data tbody tr").first()).isVisible();
    vigil.screenshot(page, "sessions");
    page.locator("table.data tbody tr a.rowlink").first().click();
    assertThat(page).hasURL(Pattern.compile(".*/ui/session\\?.*id=.*"));
    assertThat(page.locator("article.turn").first()).isVisible();
    assertThat(page.locator("article.turn .msg.user").first()).isVisible();
    assertThat(page.getByText("End of session.")).isVisible();
    vigil.screenshot(page, "session");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void usersShowUsageCostAndErrors() {
    Page page = vigil.signedInPage("/ui/users");
    Locator rows = page.locator("table.data tbody tr");
    assertThat(rows.first()).isVisible();
    assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Cost").setExact(true))).isVisible();
    vigil.screenshot(page, "users");
    String user = rows.first().locator("td").first().textContent().strip();
    rows.first().locator("a.rowlink").click();
    assertThat(page).hasURL(Pattern.compile(".*/ui/traces\\?.*user=" + user + "(&.*)?$")); // demo ids: letters, digits, _
    assertThat(page.locator("table.data tbody tr").first()).isVisible();
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void costPageBreaksDownSpendAndListsUnpricedModels() {
    Page page = vigil.signedInPage("/ui/cost");
    assertThat(page.locator(".kpi:has(.kpi-label:text-is('Spend')) .kpi-value")).hasText(Pattern.compile("\\$\\d"));
    assertThat(page.locator("section[aria-label='Breakdown'] tbody tr").first()).isVisible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Day").setExact(true)).click();
    assertThat(page).hasURL(Pattern.compile(".*by=day.*"));
    assertThat(page.locator("section[aria-label='Breakdown'] tbody tr").first()).isVisible();
    scrollThrough(page);
    noLoadingLeft(page);
    vigil.screenshot(page, "cost");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void aNarrowWindowHasNoSidewaysScrollingAndEveryFieldIsLabelled() {
    vigil.signIn();
    Page page = vigil.newPage();
    page.setViewportSize(400, 800);
    for (String path : List.of("/ui/overview", "/ui/traces", "/ui/trace/" + piiTraceId, "/ui/sessions", "/ui/users",
        "/ui/cost", "/ui/sql", "/ui/settings")) {
      page.navigate(path);
      page.locator("main .page > *").first().waitFor();
      page.waitForTimeout(600);
      scrollThrough(page);
      Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).as("sideways overflow on %s", path).isLessThanOrEqualTo(0);
      Object unlabelled = page.evaluate("""
          [...document.querySelectorAll('input, select, textarea')]
            .filter((e) => !e.labels.length && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
            .map((e) => e.id || e.name || e.outerHTML.slice(0, 80))""");
      assertThat((List<?>) unlabelled).as("form fields without a label on %s", path).isEmpty();
    }
    page.navigate("/ui/overview?range=6h");
    page.locator(".kpi").first().waitFor();
    scrollThrough(page);
    assertThat(page.locator("section[aria-label='Costliest requests'] tbody tr").first()).isAttached();
    noLoadingLeft(page);
    vigil.screenshot(page, "overview-narrow");
    assertThat(vigil.browserErrors()).isEmpty();
  }
}
