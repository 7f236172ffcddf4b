package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a real browser: every time chart (overview health, refusals, score trends and spend; the Cost
 * page's spend; an alert rule's preview and control chart) marks a change event of its window and
 * slice, with a tooltip naming it, and leaves out another feature's change.
 */
class ITUiChangeMarkers {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(300, Duration.ofHours(3));

  static final String CHANGE = "ui-marker-deploy";
  static final String OTHER = "ui-marker-classify";
  static final String NAMED = "deployment · support-chat: marker test release";
  static final String TRACE = "5a1e0c2b9f3d4e6a8b7c1d2e3f405162";

  /** The two changes, and a support-chat call the model refused (an error) with scores, so every chart has data. */
  @BeforeAll
  static void changesAndData() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder items = new StringBuilder("""
        {"type": "change", "id": "%s", "change_type": "deployment", "feature": "support-chat",
         "description": "marker test release", "timestamp": "%s"},
        {"type": "change", "id": "%s", "change_type": "prompt_version", "feature": "classify",
         "description": "classify prompt v2", "timestamp": "%s"},
        {"type": "trace", "trace_id": "%s", "name": "refused", "start_time": "%s", "end_time": "%s", "feature": "support-chat"},
        {"type": "span", "trace_id": "%s", "span_id": "llm-1", "model": "gpt-4o-mini", "provider": "openai",
         "feature": "support-chat", "start_time": "%s", "end_time": "%s", "usage": {"input_tokens": 30, "output_tokens": 5},
         "finish_reason": "content_filter", "status": "error", "error_type": "content_filter"}
        """.formatted(CHANGE, now.minus(90, ChronoUnit.MINUTES), OTHER, now.minus(80, ChronoUnit.MINUTES),
        TRACE, now.minusSeconds(120), now.minusSeconds(118), TRACE, now.minusSeconds(120), now.minusSeconds(119)));
    for (int i = 0; i < 12; i++) {
      items.append("""
          ,{"type": "score", "id": "ui-marker-score-%d", "trace_id": "%s", "name": "marker_relevance", "value": %d,
           "source": "eval", "timestamp": "%s"}
          """.formatted(i, TRACE, 4 + i % 5, now.minus(i * 15L, ChronoUnit.MINUTES)));
    }
    var r = vigil.server().post("/api/v1/ingest", BrowserHarness.API_KEY, "application/json",
        ("{\"items\": [" + items + "]}").getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    assertThat(r.body()).doesNotContain("\"error\"");
    vigil.server().flush();
  }

  /** The chart in {@code where} draws the support-chat change, named in its tooltip, and not the classify one. */
  static void assertMarksTheChange(Locator where) {
    Locator marker = where.locator("svg g.change-marker[data-change='" + CHANGE + "']");
    assertThat(marker).hasCount(1);
    assertThat(marker.locator("title")).containsText(NAMED);
    assertThat(marker.locator("line.marker")).hasCount(1);
    assertThat(where.locator("svg g.change-marker[data-change='" + OTHER + "']")).hasCount(0);
  }

  static Locator section(Page page, String title) {
    return page.locator("section[aria-label='" + title + "']");
  }

  @Test
  void everyOverviewSeriesMarksTheChange() {
    Page page = vigil.signedInPage("/ui/overview?range=6h&feature=support-chat");
    for (String title : new String[] {"Requests", "Error rate", "Latency p95"}) assertMarksTheChange(section(page, title));
    // the crosshair tooltip of the moment holds the change's name too
    Locator line = section(page, "Requests").locator("g.change-marker[data-change='" + CHANGE + "'] line.marker");
    var box = line.boundingBox();
    page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
    assertThat(section(page, "Requests").locator(".tip .tip-marker")).containsText(NAMED);

    ITUiPages.scrollThrough(page);
    assertMarksTheChange(section(page, "Refusals"));
    assertMarksTheChange(section(page, "Scores").locator(".score-cell[data-score='marker_relevance']"));
    assertMarksTheChange(section(page, "Spend over time"));
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void theCostPagesSpendMarksTheChange() {
    Page page = vigil.signedInPage("/ui/cost?range=6h&feature=support-chat");
    assertMarksTheChange(section(page, "Spend over time"));
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void theRulePreviewAndControlChartMarkTheChange() throws Exception {
    var put = vigil.server().json("PUT", "/api/v1/alerts/rules/marker-chart", BrowserHarness.API_KEY,
        "{\"condition\": \"ewma(count, warmup=5) out of control\", \"window\": \"10m\", \"min_samples\": 1,"
            + " \"where\": {\"feature\": \"support-chat\"}}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    Page page = vigil.signedInPage("/ui/alert-rule/marker-chart");
    Locator preview = page.locator("#rule-preview");
    preview.locator("svg").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
    assertMarksTheChange(preview);
    Locator chart = page.locator("#rule-chart");
    chart.locator("svg.control-chart").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
    assertMarksTheChange(chart);
    vigil.screenshot(page, "alert-rule-markers");
    assertThat(vigil.browserErrors()).isEmpty();
  }
}
