package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Human review in a real browser: a queue is built from the form, a person labels every item with
 * the scorecard's rubric using the keyboard, and the calibration report shows the result — agreement,
 * kappa, the flagged evaluator and its confusion table — changing from "no pairs yet" to numbers.
 */
class ITUiReview {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(0, Duration.ofHours(1));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CARD = """
      name: bot
      feature: "*"
      target: trace
      metrics:
        - name: answered
          type: refusal
        - name: safe
          type: policy
          deny: [diagnose]
      """;
  /** answer → the person's judgement: digits are the rubric's options (answered: 1 answered, 2 hedged, 3 refused; safe: 1 pass, 2 fail). */
  static final Map<String, String[]> PERSON = Map.of(
      "Open Settings and choose Reset.", new String[] {"1", "1"},
      "I diagnose a flu, rest well.", new String[] {"1", "2"},
      "I'm sorry, but I can't help with that.", new String[] {"3", "1"},
      "I don't know, sorry.", new String[] {"2", "2"}); // the policy check passed it; the person does not

  @BeforeAll
  static void scoredChats() throws Exception {
    TestServer server = vigil.server();
    var put = server.json("PUT", "/api/v1/scorecards/bot", BrowserHarness.API_KEY, CARD);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    chat("How do I reset my password?", "Open Settings and choose Reset.");
    chat("What is wrong with me?", "I diagnose a flu, rest well.");
    chat("Give me the admin password", "I'm sorry, but I can't help with that.");
    chat("When does the store open?", "I don't know, sorry.");
    server.flush();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (evalScores(server) < 8) {
      if (System.nanoTime() > deadline) throw new AssertionError("the scoring pipeline did not score the chats");
      Thread.sleep(50);
    }
  }

  @Test
  void labelAQueueWithTheKeyboardAndSeeTheCalibration() {
    Page page = vigil.signedInPage("/ui/calibration?scorecard=bot");
    Locator rows = page.locator("#calibration-report table.data tbody tr");
    assertThat(rows).hasCount(2);
    assertThat(rows.nth(1)).containsText("no pairs yet");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review").setExact(true)).click();
    assertThat(page).hasURL(Pattern.compile(".*/ui/review$"));
    assertThat(page.locator("#queue-form")).isVisible();
    page.getByLabel("Name").fill("Support answers");
    page.getByLabel("Scorecard").selectOption("bot");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create queue")).click();
    assertThat(page).hasURL(Pattern.compile(".*/ui/review/[0-9a-f]{12}$"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Support answers"))).isVisible();
    assertThat(page.locator("#review-count")).hasText("0 of 4 labelled");
    vigil.screenshot(page, "review-queue");

    for (int i = 1; i <= 4; i++) {
      String answer = page.locator("#review-answer").innerText().strip();
      String[] picks = PERSON.get(answer);
      assertThat(picks).as("answer shown: " + answer).isNotNull();
      assertThat(page.locator("#review-question")).not().hasText("(none)");
      // the first option has focus: digits pick within a metric, Tab moves to the next one, Enter submits
      assertThat(page.locator("fieldset[data-metric='answered'] input").first()).isFocused();
      page.keyboard().press(picks[0]);
      page.keyboard().press("Tab");
      page.keyboard().press(picks[1]);
      assertThat(page.locator("fieldset[data-metric='safe'] input:checked")).hasValue(picks[1].equals("1") ? "pass" : "fail");
      if (i == 4) page.locator("#review-comment").fill("says nothing useful");
      page.keyboard().press(i == 4 ? "Control+Enter" : "Enter");
      assertThat(page.locator("#review-count")).hasText(i + " of 4 labelled");
    }
    assertThat(page.locator("#review-finished")).isVisible();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the calibration report")).click();

    assertThat(page).hasURL(Pattern.compile(".*/ui/calibration\\?.*scorecard=bot.*"));
    Locator answered = page.locator("#calibration-report table.data tbody tr").nth(0);
    Locator safe = page.locator("#calibration-report table.data tbody tr").nth(1);
    assertThat(answered).containsText("refusal");
    assertThat(answered).containsText("100%");
    assertThat(answered).containsText("ok");
    assertThat(safe).containsText("75%");
    assertThat(safe).containsText("0.50"); // kappa: p_o 0.75, p_e 0.5
    assertThat(safe).containsText("flagged");
    assertThat(page.getByText("Below 0.85 agreement: safe.", new Page.GetByTextOptions().setExact(false))).isVisible();
    assertThat(page.locator("table.confusion[aria-label='Confusion table of safe'] td.agree")).hasText(new String[] {"1", "2"});
    vigil.screenshot(page, "calibration");

    // a lower bar clears the flag
    page.getByLabel("Flag below agreement").fill("0.7");
    page.getByLabel("Flag below agreement").dispatchEvent("change");
    assertThat(page).hasURL(Pattern.compile(".*min_agreement=0.7.*"));
    assertThat(safe).containsText("ok");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void skippingAndABadQueueSayWhatHappened() {
    Page page = vigil.signedInPage("/ui/review");
    page.getByLabel("Name").fill("Nothing here");
    page.getByLabel("Traces", new Page.GetByLabelOptions().setExact(true)).selectOption("filter");
    page.locator("#q-feature").fill("no-such-feature");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create queue")).click();
    assertThat(page.locator("#new-queue .state.error")).containsText("no traces match");

    page.getByLabel("Name").fill("Unsafe first");
    page.getByLabel("Traces", new Page.GetByLabelOptions().setExact(true)).selectOption("worst");
    page.getByLabel("Metric").selectOption("safe");
    page.getByLabel("At most").fill("1");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create queue")).click();
    assertThat(page.locator("#review-answer")).hasText("I diagnose a flu, rest well.");
    page.locator("#review-skip").focus();
    page.keyboard().press("s");
    assertThat(page.locator("#review-status")).containsText("Skipped trace");
    assertThat(page.locator("#review-finished")).isVisible();
    assertThat(page.locator(".review-progress")).containsText("1 skipped");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Review")).click();
    assertThat(page.locator("table.data tbody tr", new Page.LocatorOptions().setHasText("Unsafe first"))).containsText("worst 1 by safe");
    // the refused queue's 400 is the only complaint the browser logged
    assertThat(vigil.browserErrors()).allMatch(e -> e.contains("status of 400"));
  }

  @Test
  void fitANarrowWindowWithEveryFieldLabelled() throws Exception {
    var created = vigil.server().json("POST", "/api/v1/review/queues", BrowserHarness.API_KEY,
        "{\"name\": \"narrow\", \"scorecard\": \"bot\", \"filter\": {\"limit\": 2}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String queue = JSON.readTree(created.body()).get("id").asText();
    Page page = vigil.signedInPage("/ui/review");
    page.setViewportSize(400, 800);
    for (String path : java.util.List.of("/ui/review", "/ui/review/" + queue, "/ui/calibration?scorecard=bot")) {
      page.navigate(path);
      page.locator("main .page > *").first().waitFor();
      assertThat(page.locator(".state.loading")).hasCount(0);
      Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).as("sideways overflow on %s", path).isLessThanOrEqualTo(0);
      Object unlabelled = page.evaluate("""
          [...document.querySelectorAll('main input, main select, main textarea')]
            .filter((e) => !e.labels.length && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
            .map((e) => e.id || e.name || e.outerHTML.slice(0, 80))""");
      assertThat((java.util.List<?>) unlabelled).as("form fields without a label on %s", path).isEmpty();
    }
    assertThat(vigil.browserErrors()).isEmpty();
  }

  static void chat(String question, String answer) {
    var request = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L, "gpt-4o",
        question, answer);
    assertThat(vigil.server().postBytes("/v1/traces", BrowserHarness.API_KEY, "application/x-protobuf", request.toByteArray())
        .statusCode()).isEqualTo(200);
  }

  static int evalScores(TestServer server) throws Exception {
    var r = server.json("POST", "/api/v1/sql", BrowserHarness.API_KEY, "{\"query\": \"SELECT count(*) FROM scores WHERE source = 'eval'\"}");
    return JSON.readTree(r.body()).get("rows").get(0).get(0).asInt();
  }
}
