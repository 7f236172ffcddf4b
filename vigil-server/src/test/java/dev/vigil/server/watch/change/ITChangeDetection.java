package dev.vigil.server.watch.change;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server: spans over OTLP with a new model become a detected change in the changes API. */
class ITChangeDetection {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private TestServer vigil;

  @BeforeEach
  void start() {
    vigil = new TestServer(dir);
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  private void chat(long start, String model) {
    var request = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), start, model, "q");
    assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aNewModelInSpansIsADetectedChange() throws Exception {
    long now = System.currentTimeMillis() * 1_000_000L;
    chat(now - 600_000_000_000L, "gpt-4o");
    chat(now - 590_000_000_000L, "gpt-4o");
    chat(now - 300_000_000_000L, "gpt-4o-mini");

    JsonNode detected = null;
    for (int i = 0; i < 200 && detected == null; i++) { // indexing and detection run in the background
      for (JsonNode c : JSON.readTree(vigil.get("/api/v1/changes", TestServer.KEY).body()).get("changes")) {
        if (c.get("source").asText().equals("detected")) detected = c;
      }
      if (detected == null) Thread.sleep(100);
    }
    assertThat(detected).as("a detected change").isNotNull();
    assertThat(detected.get("type").asText()).isEqualTo("model_version");
    assertThat(detected.get("description").asText()).startsWith("model gpt-4o-mini first seen on ");
    assertThat(detected.get("attributes").get("model").asText()).isEqualTo("gpt-4o-mini");
    Thread.sleep(300);
    assertThat(JSON.readTree(vigil.get("/api/v1/changes", TestServer.KEY).body()).get("changes"))
        .as("the first model is the starting point, not a change").hasSize(1);
  }
}
