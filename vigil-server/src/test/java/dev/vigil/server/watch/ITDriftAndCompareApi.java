package dev.vigil.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/v1/drift and /api/v1/compare over a real server and generated traffic: a feature whose
 * input tokens shift by 60 % in the last hour is reported as drifted, one drawn from the same
 * distribution is not; a slower, more error-prone prompt version loses its comparison, identical
 * variants show no difference; bad parameters are 400s; another project sees none of it.
 */
class ITDriftAndCompareApi {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static TestServer vigil;
  static Instant to;

  @BeforeAll
  static void traffic() {
    vigil = new TestServer(dir);
    to = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    WatchTraffic t = new WatchTraffic(42);
    // baseline: 6h to 1h before `to`; current: the last hour. 400 + 300 calls per feature.
    for (int i = 0; i < 400; i++) {
      Instant at = to.minus(6, ChronoUnit.HOURS).plusSeconds(i * 45L);
      t.call("steady", "v1", at, 500, 1000, false, i % 5 == 0 ? "length" : "stop", null);
      t.call("shifting", "v1", at, 500, 1000, false, i % 5 == 0 ? "length" : "stop", null);
    }
    for (int i = 0; i < 300; i++) {
      Instant at = to.minus(1, ChronoUnit.HOURS).plusSeconds(i * 11L + 5);
      t.call("steady", "v1", at, 500, 1000, false, i % 5 == 0 ? "length" : "stop", null);
      t.call("shifting", "v2", at, 800, 1000, false, i % 2 == 0 ? "length" : "stop", null);
    }
    // A/B over the last two hours: b is slower, fails more and is less often correct
    for (int i = 0; i < 300; i++) {
      Instant at = to.minus(2, ChronoUnit.HOURS).plusSeconds(i * 20L + 3);
      t.call("ab", "a", at, 500, 1000, i % 50 == 0, "stop", i % 10 != 0);
      t.call("ab", "b", at, 500, 1400, i % 10 == 0, "stop", i % 10 < 6);
      // identical twins: the same values under two names
      long in = 400 + t.random().nextInt(200);
      long ms = 800 + t.random().nextInt(400);
      t.raw("twins", "x", at, in, 100, ms, i % 20 == 0, "stop", i % 4 != 0);
      t.raw("twins", "y", at.plusMillis(1), in, 100, ms, i % 20 == 0, "stop", i % 4 != 0);
    }
    t.send(vigil, TestServer.KEY);
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  static JsonNode get(String path, String key) throws Exception {
    var r = vigil.get(path, key);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static JsonNode signal(JsonNode report, String name) {
    for (JsonNode s : report.get("signals")) if (s.get("signal").asText().equals(name)) return s;
    throw new AssertionError("no signal " + name + " in " + report);
  }

  static String drift(String feature) {
    return "/api/v1/drift?feature=" + feature + "&current=1h&baseline=5h&to=" + to;
  }

  @Test
  void aShiftedInputDistributionIsDrift() throws Exception {
    JsonNode r = get(drift("shifting"), TestServer.KEY);
    assertThat(r.get("current").get("llm_calls").asLong()).isEqualTo(300);
    assertThat(r.get("baseline").get("llm_calls").asLong()).isEqualTo(400);
    JsonNode tokens = signal(r, "input_tokens");
    assertThat(tokens.get("verdict").asText()).isEqualTo("drifted");
    JsonNode ks = tokens.get("tests").get(0);
    assertThat(ks.get("test").asText()).isEqualTo("ks");
    assertThat(ks.get("effect").asDouble()).isGreaterThan(0.5);
    assertThat(ks.get("p_value").asDouble()).isLessThan(1e-10);
    assertThat(ks.get("baseline_n").asLong()).isEqualTo(400);
    assertThat(ks.get("current_n").asLong()).isEqualTo(300);
    JsonNode psi = tokens.get("tests").get(1);
    assertThat(psi.get("test").asText()).isEqualTo("psi");
    assertThat(psi.get("effect").asDouble()).isGreaterThan(0.25);
    assertThat(psi.get("p_value").isNull()).isTrue();
    assertThat(tokens.get("histogram").get("edges")).hasSize(21);
    assertThat(signal(r, "finish_reason").get("verdict").asText()).isEqualTo("drifted"); // 20 % → 50 % length
    assertThat(signal(r, "latency_ms").get("verdict").asText()).isEqualTo("stable");
    assertThat(r.get("drifted").toString()).contains("input_tokens", "finish_reason").doesNotContain("latency_ms");
  }

  @Test
  void anUnshiftedOneIsNot() throws Exception {
    JsonNode r = get(drift("steady"), TestServer.KEY);
    assertThat(r.get("drifted")).isEmpty();
    JsonNode tokens = signal(r, "input_tokens");
    assertThat(tokens.get("verdict").asText()).isEqualTo("stable");
    assertThat(tokens.get("tests").get(0).get("p_value").asDouble()).isGreaterThan(0.01);
    assertThat(tokens.get("tests").get(1).get("effect").asDouble()).isLessThan(0.1);
    assertThat(signal(r, "finish_reason").get("categories").get("length").get(0).asDouble()).isEqualTo(0.2);
  }

  @Test
  void aPinnedPromptVersionAndTooLittleData() throws Exception {
    // the baseline pinned to v2, which only ran in the current window: nothing to compare against
    JsonNode r = get(drift("shifting") + "&baseline_prompt_version=v2", TestServer.KEY);
    assertThat(r.get("baseline_prompt_version").asText()).isEqualTo("v2");
    assertThat(signal(r, "input_tokens").get("verdict").asText()).isEqualTo("insufficient_data");
    // an explicit baseline covering the current hour with v2 pinned: the same calls on both sides
    JsonNode same = get("/api/v1/drift?feature=shifting&current=1h&to=" + to + "&baseline_from="
        + to.minus(1, ChronoUnit.HOURS) + "&baseline_to=" + to + "&baseline_prompt_version=v2", TestServer.KEY);
    assertThat(signal(same, "input_tokens").get("verdict").asText()).isEqualTo("stable");
    assertThat(signal(same, "input_tokens").get("tests").get(0).get("effect").asDouble()).isZero();
  }

  static JsonNode metric(JsonNode report, String name) {
    for (JsonNode m : report.get("metrics")) if (m.get("metric").asText().equals(name)) return m;
    throw new AssertionError("no metric " + name + " in " + report);
  }

  @Test
  void variantComparisonFindsTheWorseVariant() throws Exception {
    JsonNode r = get("/api/v1/compare?feature=ab&dimension=prompt_version&a=a&b=b&from="
        + to.minus(3, ChronoUnit.HOURS) + "&to=" + to, TestServer.KEY);
    assertThat(r.get("a").get("calls").asLong()).isEqualTo(300);
    JsonNode latency = metric(r, "latency_ms");
    assertThat(latency.get("verdict").asText()).isEqualTo("a_better");
    assertThat(latency.get("kind").asText()).isEqualTo("mean");
    assertThat(latency.get("difference_lower").asDouble()).isGreaterThan(300);
    assertThat(latency.get("a").get("lower").asDouble()).isLessThan(latency.get("a").get("value").asDouble());
    JsonNode errors = metric(r, "error_rate");
    assertThat(errors.get("a").get("value").asDouble()).isEqualTo(6 / 300.0);
    assertThat(errors.get("b").get("value").asDouble()).isEqualTo(30 / 300.0);
    assertThat(errors.get("verdict").asText()).isEqualTo("a_better");
    JsonNode correct = metric(r, "score:correct.pass_rate");
    assertThat(correct.get("b").get("value").asDouble()).isEqualTo(0.6);
    assertThat(correct.get("verdict").asText()).isEqualTo("a_better");
    assertThat(metric(r, "input_tokens").get("verdict").asText()).isEqualTo("no_significant_difference");
  }

  @Test
  void identicalVariantsShowNoDifference() throws Exception {
    JsonNode r = get("/api/v1/compare?feature=twins&dimension=prompt_version&a=x&b=y&from="
        + to.minus(3, ChronoUnit.HOURS) + "&to=" + to, TestServer.KEY);
    for (JsonNode m : r.get("metrics")) {
      assertThat(m.get("verdict").asText()).as(m.toString()).isEqualTo("no_significant_difference");
      assertThat(m.get("p_value").asDouble()).as(m.toString()).isGreaterThan(0.99);
    }
    assertThat(r.get("metrics")).hasSizeGreaterThanOrEqualTo(7); // 2 rates, 4 means, the score
    JsonNode none = get("/api/v1/compare?dimension=prompt_version&a=nope&b=nada", TestServer.KEY);
    assertThat(metric(none, "latency_ms").get("verdict").asText()).isEqualTo("insufficient_data");
  }

  @Test
  void badParametersAre400s() {
    String[] bad = {
        "/api/v1/drift?current=abc", "/api/v1/drift?current=1h&from=2026-01-01T00:00:00Z", "/api/v1/drift?baseline=100d",
        "/api/v1/drift?baseline_from=2026-01-01T00:00:00Z", "/api/v1/drift?baseline=1d&baseline_from=1&baseline_to=2",
        "/api/v1/drift?baseline_from=5&baseline_to=2", "/api/v1/drift?windw=1h",
        "/api/v1/drift?prompt_version=v1&baseline_prompt_version=v2",
        "/api/v1/compare?a=x&b=y", "/api/v1/compare?dimension=colour&a=x&b=y", "/api/v1/compare?dimension=model&a=x",
        "/api/v1/compare?dimension=model&a=x&b=y&model=z", "/api/v1/compare?dimension=model&a=x&b=y&to=soon"};
    for (String path : bad) {
      var r = vigil.get(path, TestServer.KEY);
      assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(path).contains("\"error\"");
    }
    assertThat(vigil.get("/api/v1/drift", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anotherProjectSeesNoneOfIt() throws Exception {
    var created = vigil.json("POST", "/api/v1/projects", TestServer.KEY, "{\"name\": \"other\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String key = JSON.readTree(created.body()).get("api_key").get("secret").asText();
    JsonNode r = get(drift("shifting"), key);
    assertThat(r.get("current").get("llm_calls").asLong()).isZero();
    assertThat(r.get("signals")).isEmpty();
    JsonNode c = get("/api/v1/compare?feature=ab&dimension=prompt_version&a=a&b=b&from="
        + to.minus(3, ChronoUnit.HOURS) + "&to=" + to, key);
    assertThat(c.get("a").get("calls").asLong()).isZero();
    assertThat(metric(c, "error_rate").get("verdict").asText()).isEqualTo("insufficient_data");
  }
}
