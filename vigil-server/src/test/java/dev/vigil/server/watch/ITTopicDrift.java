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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topic drift with the real MiniLM over a real server: support traffic about billing and shipping,
 * then password resets appear — reported as drift with the new topic visible as "other"; the same
 * mix stays stable; topics named in metadata are compared as they are.
 */
class ITTopicDrift {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> BILLING = List.of(
      "Why was I charged twice this month?", "How do I update the credit card on my account?",
      "Can I get a refund for the annual plan?", "Where can I download my invoices?",
      "Why did my subscription price go up?", "How do I switch from monthly to yearly billing?",
      "My payment failed, what should I do?", "Can you add my company VAT number to the invoice?",
      "How do I cancel my subscription before renewal?", "Is there a discount for nonprofits?");
  static final List<String> SHIPPING = List.of(
      "Where is my package? The tracking number shows no updates.", "How long does delivery to Canada take?",
      "Can I change the shipping address after ordering?", "My parcel arrived damaged, what now?",
      "Do you ship internationally?", "Which courier delivers my order?",
      "Can I pick up my order at a local store instead of delivery?", "The delivery was marked as delivered but I never got it.",
      "How much does express shipping cost?", "Can you deliver on a Saturday?");
  static final List<String> PASSWORD = List.of(
      "I forgot my password, how do I reset it?", "The password reset email never arrives.",
      "How can I change my login password?", "My account is locked after too many wrong passwords.",
      "The reset link says it has expired.", "How do I set up two-factor authentication after resetting my password?",
      "I can't sign in, it says my password is wrong.", "Where do I find the forgot password link?",
      "Can support reset my password for me?", "Is there a password strength requirement?");
  @TempDir
  static Path dir;
  static TestServer vigil;
  static Instant now;

  @BeforeAll
  static void traffic() {
    vigil = new TestServer(dir);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Random rnd = new Random(23);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 240; i++) { // baseline: the 7 days before the current hour, billing and shipping alike
      Instant at = now.minus(Duration.ofMinutes(70 + rnd.nextInt(160 * 60)));
      List<String> topic = i % 2 == 0 ? BILLING : SHIPPING;
      items.add(call("support-" + i, "support", at, pick(topic, rnd), null));
      items.add(call("steady-" + i, "steady", at, pick(topic, rnd), null));
      items.add(call("tagged-" + i, "tagged", at, "a question", i % 2 == 0 ? "billing" : "shipping"));
    }
    for (int i = 0; i < 120; i++) { // the current hour: a third of support's questions are about passwords
      Instant at = now.minus(Duration.ofSeconds(60 + rnd.nextInt(55 * 60)));
      items.add(call("support-now-" + i, "support", at, pick(i % 3 == 0 ? BILLING : i % 3 == 1 ? SHIPPING : PASSWORD, rnd), null));
      items.add(call("steady-now-" + i, "steady", at, pick(i % 2 == 0 ? BILLING : SHIPPING, rnd), null));
      items.add(call("tagged-now-" + i, "tagged", at, "a question", i % 3 == 0 ? "billing" : i % 3 == 1 ? "shipping" : "login"));
    }
    for (int i = 0; i < items.size(); i += 500) {
      String body = "{\"items\": [" + String.join(",", items.subList(i, Math.min(items.size(), i + 500))) + "]}";
      var r = vigil.post("/api/v1/ingest", TestServer.KEY, "application/json", body.getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
    }
    vigil.flush();
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  @Test
  void aNewTopicIsDriftAndVisible() throws Exception {
    JsonNode r = topics("support", "");
    assertThat(r.get("method").asText()).isEqualTo("clusters");
    JsonNode signal = r.get("signal");
    assertThat(signal.get("signal").asText()).isEqualTo("topic");
    assertThat(signal.get("verdict").asText()).as(r.toPrettyString()).isEqualTo("drifted");
    JsonNode chi2 = signal.get("tests").get(0);
    assertThat(chi2.get("test").asText()).isEqualTo("chi_squared");
    assertThat(chi2.get("p_value").asDouble()).isLessThan(0.01);
    assertThat(chi2.get("baseline_n").asInt()).isBetween(60, 120);
    assertThat(chi2.get("current_n").asInt()).isBetween(60, 120);
    JsonNode other = topic(r, "other");
    // MiniLM puts some password questions near billing ("account", "login"), so not all of them are other
    assertThat(other.get("current_share").asDouble()).as(r.toPrettyString()).isGreaterThan(0.12);
    assertThat(other.get("baseline_share").asDouble()).isLessThan(0.07);
    assertThat(PASSWORD).as("the new topic's example").contains(other.get("example").asText());
    List<String> labels = new ArrayList<>();
    for (JsonNode t : r.get("topics")) if (t.get("id").asText().startsWith("topic_")) labels.add(t.get("example").asText());
    assertThat(labels).anyMatch(BILLING::contains).anyMatch(SHIPPING::contains).noneMatch(PASSWORD::contains);
  }

  @Test
  void theSameMixIsStable() throws Exception {
    JsonNode r = topics("steady", "");
    assertThat(r.get("signal").get("verdict").asText()).as(r.toPrettyString()).isEqualTo("stable");
    assertThat(topic(r, "other").get("current_share").asDouble()).isLessThan(0.15);
    assertThat(topics("steady", "").get("topics")).as("deterministic").isEqualTo(r.get("topics"));
  }

  @Test
  void namedTopicsAreComparedAsTheyAre() throws Exception {
    JsonNode r = topics("tagged", "&topics=3");
    assertThat(r.get("method").asText()).isEqualTo("explicit");
    assertThat(r.get("signal").get("verdict").asText()).isEqualTo("drifted");
    JsonNode login = topic(r, "login");
    assertThat(login.get("baseline_share").asDouble()).isZero();
    assertThat(login.get("current_share").asDouble()).isGreaterThan(0.25);
    assertThat(topic(r, "billing").get("label").asText()).isEqualTo("billing");
  }

  @Test
  void badParametersAre400s() {
    for (String q : List.of("topics=0", "topics=21", "topics=many", "current=soon", "k=3")) {
      var r = vigil.get("/api/v1/drift/topics?" + q, TestServer.KEY);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(r.body()).as(q).contains(q.substring(0, q.indexOf('=')));
    }
    assertThat(vigil.get("/api/v1/drift/inputs?topics=3", TestServer.KEY).statusCode()).isEqualTo(400);
    assertThat(vigil.get("/api/v1/drift/topics", null).statusCode()).isEqualTo(401);
  }

  private static JsonNode topics(String feature, String extra) throws Exception {
    var r = vigil.get("/api/v1/drift/topics?feature=" + feature + "&current=1h&baseline=7d&to=" + now + extra, TestServer.KEY);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static JsonNode topic(JsonNode report, String id) {
    for (JsonNode t : report.get("topics")) if (t.get("id").asText().equals(id)) return t;
    throw new AssertionError("no topic " + id + " in " + report.toPrettyString());
  }

  private static String pick(List<String> texts, Random rnd) {
    return texts.get(rnd.nextInt(texts.size()));
  }

  static String call(String trace, String feature, Instant start, String question, String topic) {
    try {
      return """
          {"type": "span", "trace_id": "%s", "span_id": "llm", "model": "gpt-4o-mini", "provider": "openai",
           "feature": "%s", "start_time": "%s", "end_time": "%s",%s
           "input_messages": [{"role": "user", "content": %s}], "output_messages": [{"role": "assistant", "content": "ok"}]}"""
          .formatted(trace, feature, start, start.plusMillis(800),
              topic == null ? "" : " \"metadata\": {\"topic\": " + JSON.writeValueAsString(topic) + "},",
              JSON.writeValueAsString(question));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
