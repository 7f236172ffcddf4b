package dev.vigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native JSON API: per-item results, idempotent retries, scores and feedback stored. */
class ITNativeIngest {
  @TempDir
  Path dir;
  TestServer vigil;

  @BeforeEach
  void start() {
    vigil = new TestServer(dir);
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  private String batch(String now) {
    return """
        {"items": [
          {"type": "trace", "trace_id": "req-1001", "name": "support-chat", "start_time": "%1$s",
           "user_id": "u-9", "session_id": "conv-3", "feature": "support", "input": "Card 4111 1111 1111 1111 declined"},
          {"type": "span", "trace_id": "req-1001", "span_id": "llm-1", "name": "chat claude", "model": "claude-3-5-haiku-20241022",
           "provider": "anthropic", "start_time": "%1$s", "end_time": "%1$s",
           "input_messages": [{"role": "user", "content": "Why was card 4111 1111 1111 1111 declined?"}],
           "output_messages": [{"role": "assistant", "content": "Insufficient funds."}],
           "usage": {"input_tokens": 30, "output_tokens": 5}, "finish_reason": "end_turn"},
          {"type": "span", "trace_id": "req-1001", "span_id": "bad", "start_time": "not a time"},
          {"type": "score", "id": "sc-1", "trace_id": "req-1001", "name": "helpfulness", "value": 0.9},
          {"type": "feedback", "id": "fb-1", "trace_id": "req-1001", "kind": "thumbs_up"},
          {"type": "change", "id": "ch-1", "change_type": "deployment", "feature": "support", "description": "v2 rollout", "timestamp": "%1$s"}
        ]}""".formatted(now);
  }

  @Test
  void batchIsAnsweredPerItemAndStoredOnce() throws Exception {
    String now = Instant.now().toString();
    var r = vigil.json("POST", "/api/v1/ingest", TestServer.KEY, batch(now));
    assertThat(r.statusCode()).isEqualTo(207);
    JsonNode body = ITOtlpIngest.JSON.readTree(r.body());
    assertThat(body.get("accepted").asInt()).isEqualTo(5);
    assertThat(body.get("rejected").asInt()).isEqualTo(1);
    assertThat(body.get("results").get(2).get("status").asInt()).isEqualTo(400);
    assertThat(body.get("results").get(2).get("error").asText()).contains("start_time");

    assertThat(vigil.json("POST", "/api/v1/ingest", TestServer.KEY, batch(now)).statusCode()).isEqualTo(207); // retry
    vigil.flush();

    JsonNode traces = ITOtlpIngest.JSON.readTree(vigil.get("/api/v1/traces?session=conv-3", TestServer.KEY).body());
    assertThat(traces.get("traces")).hasSize(1);
    JsonNode t = traces.get("traces").get(0);
    assertThat(t.get("span_count").asInt()).isEqualTo(2);
    assertThat(t.get("feature").asText()).isEqualTo("support");
    JsonNode detail = ITOtlpIngest.JSON.readTree(vigil.get("/api/v1/traces/" + t.get("trace_id").asText(), TestServer.KEY).body());
    assertThat(detail.toString()).doesNotContain("4111 1111 1111 1111").contains("[CARD]");
    assertThat(detail.get("scores").get(0).get("value").asDouble()).isEqualTo(0.9);
    assertThat(detail.get("feedback").get(0).get("kind").asText()).isEqualTo("thumbs_up");
    JsonNode llm = detail.get("tree").get(0).get("children").get(0);
    assertThat(llm.get("llm").get("cost").get("total").asDouble()).isPositive();
    JsonNode changes = ITOtlpIngest.JSON.readTree(vigil.get("/api/v1/changes", TestServer.KEY).body());
    assertThat(changes.get("changes").get(0).get("description").asText()).isEqualTo("v2 rollout");
  }

  @Test
  void envelopeErrorsAre400() {
    assertThat(vigil.json("POST", "/api/v1/ingest", TestServer.KEY, "[]").statusCode()).isEqualTo(400);
    assertThat(vigil.json("POST", "/api/v1/ingest", TestServer.KEY, "{\"items\": 3}").body()).contains("items");
    assertThat(vigil.post("/api/v1/ingest", TestServer.KEY, "text/plain", "{}".getBytes()).statusCode()).isEqualTo(415);
  }
}
