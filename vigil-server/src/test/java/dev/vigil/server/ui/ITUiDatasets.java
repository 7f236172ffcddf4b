package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Add to dataset" on the trace page, in a real browser: creates the dataset, adds once, says so. */
class ITUiDatasets {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(0, Duration.ZERO);

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTraceIsAddedToANewDatasetOnce() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"items": [
          {"type": "trace", "trace_id": "ui-dataset-trace", "name": "refund question", "start_time": "%s", "end_time": "%s",
           "feature": "support-chat"},
          {"type": "span", "trace_id": "ui-dataset-trace", "span_id": "llm-1", "model": "gpt-4o-mini", "provider": "openai",
           "start_time": "%s", "end_time": "%s",
           "input_messages": [{"role": "user", "content": "Can I get a refund?"}],
           "output_messages": [{"role": "assistant", "content": "Yes, within 30 days."}]}
        ]}""".formatted(now.minusSeconds(60), now.minusSeconds(58), now.minusSeconds(60), now.minusSeconds(59));
    var r = vigil.server().post("/api/v1/ingest", BrowserHarness.API_KEY, "application/json", body.getBytes());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    vigil.server().flush();
    String traceId = JSON.readTree(vigil.server().get("/api/v1/traces", BrowserHarness.API_KEY).body())
        .get("traces").get(0).get("trace_id").asText();

    Page page = vigil.signedInPage("/ui/trace/" + traceId);
    page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Dataset").setExact(true)).fill("refund-regressions");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to dataset")).click();
    assertThat(page.getByText("Added to dataset “refund-regressions”.")).isVisible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to dataset")).click();
    assertThat(page.getByText("Already in dataset “refund-regressions”.")).isVisible();
    page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Dataset").setExact(true)).fill("no spaces allowed");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to dataset")).click();
    assertThat(page.getByText("Not added: dataset name must be")).isVisible();

    JsonNode dataset = JSON.readTree(vigil.server().get("/api/v1/datasets/refund-regressions", BrowserHarness.API_KEY).body());
    assertThat(dataset.get("item_count").asInt()).isEqualTo(1);
    assertThat(dataset.get("items").get(0).get("trace_id").asText()).isEqualTo(traceId);
    vigil.screenshot(page, "trace-add-to-dataset");
    // the refused name's 400 is the only thing the browser may log
    assertThat(vigil.browserErrors()).allMatch(e -> e.contains("status of 400"));
  }
}
