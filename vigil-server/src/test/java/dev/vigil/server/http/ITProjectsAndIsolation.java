package dev.vigil.server.http;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects and keys through the API; a key of project B can neither read nor write project A. */
class ITProjectsAndIsolation {
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

  private JsonNode json(String body) throws Exception {
    return ITOtlpIngest.JSON.readTree(body);
  }

  @Test
  void keysAreShownOnceAndStoredHashed() throws Exception {
    JsonNode created = json(vigil.json("POST", "/api/v1/keys", TestServer.KEY, "{\"name\":\"ci\"}").body());
    String secret = created.get("secret").asText();
    assertThat(secret).startsWith("vgl_").hasSize(44);
    JsonNode list = json(vigil.get("/api/v1/keys", TestServer.KEY).body());
    assertThat(list.toString()).doesNotContain(secret).contains("\"ci\"");
    assertThat(list.get("keys")).hasSize(2);
    try (var files = java.nio.file.Files.walk(dir)) { // the secret is nowhere on disk
      for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        assertThat(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(f.toString()).doesNotContain(secret);
      }
    }
  }

  @Test
  void onlyAdminKeysCreateProjects() throws Exception {
    JsonNode plain = json(vigil.json("POST", "/api/v1/keys", TestServer.KEY, "{\"name\":\"plain\"}").body());
    var refused = vigil.json("POST", "/api/v1/projects", plain.get("secret").asText(), "{\"name\":\"x\"}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(vigil.json("POST", "/api/v1/keys", plain.get("secret").asText(), "{\"admin\":true}").statusCode()).isEqualTo(403);
    var created = vigil.json("POST", "/api/v1/projects", TestServer.KEY, "{\"name\":\"checkout\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created.body()).get("api_key").get("secret").asText()).startsWith("vgl_");
    assertThat(json(vigil.get("/api/v1/projects", TestServer.KEY).body()).get("projects")).hasSize(2);
    assertThat(json(vigil.get("/api/v1/projects", plain.get("secret").asText()).body()).get("projects")).hasSize(1);
  }

  @Test
  void projectBSeesNothingOfProjectAThroughAnyEndpoint() throws Exception {
    String keyB = json(vigil.json("POST", "/api/v1/projects", TestServer.KEY, "{\"name\":\"b\"}").body())
        .get("api_key").get("secret").asText();
    String traceId = randomHex(16);
    String llmId = randomHex(8);
    var request = OtlpFixtures.chat(traceId, randomHex(8), llmId, System.currentTimeMillis() * 1_000_000L, "gpt-4o", "secret plan");
    assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode()).isEqualTo(200);
    vigil.json("POST", "/api/v1/ingest", TestServer.KEY, """
        {"items":[{"type":"feedback","id":"f1","trace_id":"%s","kind":"thumbs_down"}]}""".formatted(traceId));
    vigil.flush();

    assertThat(vigil.get("/api/v1/traces/" + traceId, keyB).statusCode()).isEqualTo(404);
    assertThat(vigil.get("/api/v1/traces/" + traceId + "/spans/" + llmId, keyB).statusCode()).isEqualTo(404);
    assertThat(json(vigil.get("/api/v1/traces", keyB).body()).get("traces")).isEmpty();
    assertThat(json(vigil.get("/api/v1/sessions", keyB).body()).get("sessions")).isEmpty();
    assertThat(vigil.get("/api/v1/sessions/session-7", keyB).statusCode()).isEqualTo(404);
    assertThat(json(vigil.get("/api/v1/users", keyB).body()).get("users")).isEmpty();
    assertThat(json(vigil.get("/api/v1/metrics", keyB).body()).get("rows")).isEmpty();
    JsonNode sql = json(vigil.json("POST", "/api/v1/sql", keyB,
        "{\"query\":\"SELECT (SELECT count(*) FROM spans) AS s, (SELECT count(*) FROM feedback) AS f\"}").body());
    assertThat(sql.get("rows").get(0).get(0).asLong()).isZero();
    assertThat(sql.get("rows").get(0).get(1).asLong()).isZero();
    JsonNode mine = json(vigil.json("POST", "/api/v1/sql", TestServer.KEY, "{\"query\":\"SELECT count(*) FROM spans\"}").body());
    assertThat(mine.get("rows").get(0).get(0).asLong()).isEqualTo(2);

    // writing with B's key lands in B, never in A
    String otherTrace = randomHex(16);
    var forB = OtlpFixtures.chat(otherTrace, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L, "gpt-4o", "b data");
    vigil.postBytes("/v1/traces", keyB, "application/x-protobuf", forB.toByteArray());
    vigil.flush();
    assertThat(vigil.get("/api/v1/traces/" + otherTrace, TestServer.KEY).statusCode()).isEqualTo(404);
    assertThat(vigil.get("/api/v1/traces/" + otherTrace, keyB).statusCode()).isEqualTo(200);
  }

  @Test
  void settingsChangeMaskingAtOnce() throws Exception {
    var patch = vigil.json("PATCH", "/api/v1/project/settings", TestServer.KEY,
        "{\"pii_mode\":\"hash\",\"pii_rules\":[{\"name\":\"order\",\"pattern\":\"ORD-\\\\d{6}\"}],\"retention_days\":7}");
    assertThat(patch.statusCode()).isEqualTo(200);
    assertThat(json(patch.body()).get("settings").get("pii_mode").asText()).isEqualTo("hash");
    assertThat(vigil.json("PATCH", "/api/v1/project/settings", TestServer.KEY, "{\"pii_rules\":[{\"name\":\"x\",\"pattern\":\"(\"}]}")
        .body()).contains("not a valid regular expression");
    assertThat(vigil.json("PATCH", "/api/v1/project/settings", TestServer.KEY, "{\"retention_days\":0}").statusCode()).isEqualTo(400);

    String traceId = randomHex(16);
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
        "gpt-4o", "Order ORD-123456 for bob@example.com");
    vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray());
    vigil.flush();
    String detail = vigil.get("/api/v1/traces/" + traceId, TestServer.KEY).body();
    assertThat(detail).doesNotContain("ORD-123456").doesNotContain("bob@example.com").contains("[ORDER:").contains("[EMAIL:");
  }
}
