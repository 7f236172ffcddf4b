package dev.vigil.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input embedding drift with the real MiniLM over a real server: when users of a feature start asking
 * about something else, the questions' embeddings say so; the same kind of questions do not.
 */
class ITInputEmbeddingDrift {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BILLING = List.of(
      "Why was I charged twice this month?", "How do I update the credit card on my account?",
      "Can I get a refund for the annual plan?", "Where can I download my invoices?",
      "Why did my subscription price go up?", "How do I switch from monthly to yearly billing?",
      "My payment failed, what should I do?", "Can you add my company VAT number to the invoice?",
      "How do I cancel my subscription before renewal?", "Is there a discount for nonprofits?");
  private static final List<String> RECIPES = List.of(
      "How long should I roast a whole chicken?", "What can I use instead of eggs in pancakes?",
      "How do I make sourdough starter from scratch?", "What spices go well with lentil soup?",
      "How do I keep pasta from sticking together?", "Can I freeze homemade tomato sauce?",
      "What's the best way to cook salmon on a pan?", "How do I make fluffy rice?",
      "Which flour is best for pizza dough?", "How do I caramelize onions properly?");

  @Test
  void aNewTopicIsReportedAsDriftAndTheSameTopicIsNot(@TempDir Path dir) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Random rnd = new Random(11);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 120; i++) { // baseline: the 7 days before the current hour, both features on billing
      Instant at = now.minus(Duration.ofHours(2 + rnd.nextInt(160)));
      items.add(call("shifted-" + i, "support", at, BILLING.get(rnd.nextInt(BILLING.size()))));
      items.add(call("steady-" + i, "billing-bot", at, BILLING.get(rnd.nextInt(BILLING.size()))));
    }
    for (int i = 0; i < 60; i++) { // the current hour: support is asked about cooking now
      Instant at = now.minus(Duration.ofMinutes(1 + rnd.nextInt(55)));
      items.add(call("shifted-now-" + i, "support", at, RECIPES.get(rnd.nextInt(RECIPES.size()))));
      items.add(call("steady-now-" + i, "billing-bot", at, BILLING.get(rnd.nextInt(BILLING.size()))));
    }
    try (TestServer vigil = new TestServer(dir)) {
      for (int i = 0; i < items.size(); i += 500) {
        String body = "{\"items\": [" + String.join(",", items.subList(i, Math.min(items.size(), i + 500))) + "]}";
        var r = vigil.post("/api/v1/ingest", TestServer.KEY, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
      }
      vigil.flush();

      JsonNode shifted = inputs(vigil, "support");
      assertThat(shifted.get("verdict").asText()).as(shifted.toString()).isEqualTo("drifted");
      JsonNode far = shifted.get("tests").get(0);
      assertThat(far.get("effect").asDouble()).isGreaterThan(0.5);
      assertThat(far.get("current_n").asInt()).isBetween(20, 120);
      assertThat(far.get("baseline_n").asInt()).isBetween(30, 120);

      JsonNode steady = inputs(vigil, "billing-bot");
      assertThat(steady.get("verdict").asText()).as(steady.toString()).isEqualTo("stable");

      var bad = vigil.get("/api/v1/drift/inputs?current=soon", TestServer.KEY);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(vigil.get("/api/v1/drift/inputs", null).statusCode()).isEqualTo(401);
    }
  }

  private static JsonNode inputs(TestServer vigil, String feature) throws Exception {
    var r = vigil.get("/api/v1/drift/inputs?feature=" + feature + "&current=1h&baseline=7d", TestServer.KEY);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("signal");
  }

  private static String call(String trace, String feature, Instant start, String question) throws Exception {
    return """
        {"type": "span", "trace_id": "%s", "span_id": "llm", "model": "gpt-4o-mini", "provider": "openai",
         "feature": "%s", "start_time": "%s", "end_time": "%s",
         "input_messages": [{"role": "user", "content": %s}], "output_messages": [{"role": "assistant", "content": "ok"}]}"""
        .formatted(trace, feature, start, start.plusMillis(800), JSON.writeValueAsString(question));
  }
}
