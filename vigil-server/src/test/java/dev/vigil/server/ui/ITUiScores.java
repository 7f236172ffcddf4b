package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scorecards editor, score trends and distributions on the overview, and scores in trace detail. */
class ITUiScores {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(120, Duration.ofHours(3));

  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void patientAssertions() {
    // the overview loads many panels at once; on a busy shared host 5 s is not always enough
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
  }

  /** Browser errors other than Chromium's note about the 400 the editor handles. */
  static List<String> unexpectedErrors() {
    return vigil.browserErrors().stream().filter(e -> !e.contains("Failed to load resource")).toList();
  }

  static final String BROKEN = """
      name: ui-card
      feature: support-chat
      sampling:
        rate: 1.0
      metrics:
        - name: concise
          type: length
          max: lots
      """;

  @Test
  void editorShowsProblemsBesideTheirLineThenSaves() throws Exception {
    Page page = vigil.signedInPage("/ui/scorecards?new=1");
    Locator yaml = page.getByLabel("Scorecard YAML");
    page.locator("#scorecard-name").fill("ui-card");
    yaml.fill(BROKEN);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

    Locator problems = page.locator("#scorecard-problems");
    assertThat(problems).containsText("was not saved: 1 problem");
    assertThat(problems).containsText("Line 8");
    assertThat(problems).containsText("max");
    Locator marked = page.locator(".gutter .ln.bad");
    assertThat(marked).hasCount(1);
    assertThat(marked).hasAttribute("data-line", "8");
    assertThat(vigil.server().get("/api/v1/scorecards/ui-card", BrowserHarness.API_KEY).statusCode()).isEqualTo(404);
    vigil.screenshot(page, "scorecard-editor-problems");

    // choosing the problem selects the bad line
    problems.getByRole(AriaRole.BUTTON).first().click();
    assertThat(page.evaluate("() => { const t = document.getElementById('scorecard-yaml');"
        + " return t.value.slice(t.selectionStart, t.selectionEnd); }")).isEqualTo("    max: lots");

    yaml.fill(BROKEN.replace("max: lots", "max: 400"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/ui/scorecards\\?.*name=ui-card.*"));
    assertThat(page.locator("#scorecards table")).containsText("ui-card");
    assertThat(page.locator("#scoring-pipeline")).containsText("dead letters");
    assertThat(page.locator("#scoring-pipeline")).containsText("LLM judges today: $0");
    assertThat(page.getByLabel("Scorecard YAML")).hasValue(BROKEN.replace("max: lots", "max: 400"));
    var saved = vigil.server().get("/api/v1/scorecards/ui-card", BrowserHarness.API_KEY);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(saved.body()).get("metrics").get(0).get("name").asText()).isEqualTo("concise");
    assertThat(page.locator(".gutter .ln.bad")).hasCount(0);
    assertThat(unexpectedErrors()).isEmpty();
  }

  @Test
  void trendsDistributionsAndTraceScores() throws Exception {
    String traceId = JSON.readTree(vigil.server().get("/api/v1/traces?limit=1", BrowserHarness.API_KEY).body())
        .get("traces").get(0).get("trace_id").asText();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      items.append("""
          {"type": "score", "id": "ui-rel-%d", "trace_id": "%s", "name": "answer_relevance", "value": %d,
           "source": "eval", "comment": "relevance %d", "timestamp": "%s"},
          {"type": "score", "id": "ui-pol-%d", "trace_id": "%s", "name": "no_medical_advice", "data_type": "boolean",
           "value": %d, "label": "%s", "source": "eval", "timestamp": "%s"},
          """.formatted(i, traceId, 3 + i % 7, i, now.minus(i * 6L, ChronoUnit.MINUTES),
          i, traceId, i % 4 == 0 ? 0 : 1, i % 4 == 0 ? "fail" : "pass", now.minus(i * 6L, ChronoUnit.MINUTES)));
    }
    items.append("""
        {"type": "score", "id": "ui-explained", "trace_id": "%s", "name": "grounded", "data_type": "boolean", "value": 0,
         "label": "fail", "source": "eval", "comment": "the answer cites a refund window the documents do not mention"}
        """.formatted(traceId));
    var r = vigil.server().post("/api/v1/ingest", BrowserHarness.API_KEY, "application/json",
        ("{\"items\": [" + items + "]}").getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    vigil.server().flush();

    Page page = vigil.signedInPage("/ui/overview?range=6h");
    Locator scores = page.locator("section[aria-label='Scores']");
    scores.scrollIntoViewIfNeeded();
    Locator relevance = scores.locator(".score-cell[data-score='answer_relevance']");
    assertThat(relevance.locator("svg.chart-svg")).isVisible();
    assertThat(relevance.locator("ul.legend")).containsText("answer_relevance p90");
    assertThat(scores.locator(".score-cell[data-score='no_medical_advice'] ul.legend")).containsText("pass rate");
    Locator dist = page.locator("section[aria-label='Score distributions']");
    assertThat(dist.locator(".score-cell[data-score='answer_relevance'] svg rect.bar").first()).isVisible();
    assertThat(dist.locator(".score-cell[data-score='no_medical_advice'] svg")).containsText("pass");
    vigil.screenshot(page, "overview-scores");

    page.navigate("/ui/trace/" + traceId);
    Locator panel = page.locator("#trace-scores");
    assertThat(panel).containsText("grounded");
    assertThat(panel).containsText("the answer cites a refund window the documents do not mention");
    assertThat(panel.locator("tr", new Locator.LocatorOptions().setHasText("grounded"))).containsText("fail");
    assertThat(unexpectedErrors()).isEmpty();
  }
}
