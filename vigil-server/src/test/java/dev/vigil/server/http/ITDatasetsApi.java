package dev.vigil.server.http;

import static dev.vigil.server.http.SignalsItSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression sets over a real server: create, add by id and by filter, list, export JSONL, delete. */
class ITDatasetsApi {
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

  private java.net.http.HttpResponse<String> call(String method, String path, String key, String body) {
    return vigil.json(method, path, key, body);
  }

  @Test
  void addByIdAndFilterThenExportAsJsonLines() throws Exception {
    List<String> traces = SignalsItSupport.traces(vigil, TestServer.KEY, 3, "gpt-4o");
    List<String> minis = SignalsItSupport.traces(vigil, TestServer.KEY, 2, "gpt-4o-mini");
    assertThat(call("POST", "/api/v1/datasets", TestServer.KEY, "{\"name\":\"golden\",\"description\":\"known good\"}")
        .statusCode()).isEqualTo(201);
    assertThat(call("POST", "/api/v1/datasets", TestServer.KEY, "{\"name\":\"golden\"}").statusCode()).isEqualTo(200);

    var byId = call("POST", "/api/v1/datasets/golden/items", TestServer.KEY, """
        {"items":[{"trace_id":"%s","expected":"Open Settings, then Security.","note":"canonical"}]}""".formatted(traces.get(0)));
    assertThat(json(byId).get("added").asInt()).isEqualTo(1);
    vigil.json("POST", "/api/v1/feedback", TestServer.KEY, """
        {"id":"corr","trace_id":"%s","kind":"correction","comment":"Say: use the reset link."}""".formatted(traces.get(1)));
    vigil.json("POST", "/api/v1/scores", TestServer.KEY, """
        {"id":"sc","trace_id":"%s","name":"helpfulness","value":0.25}""".formatted(traces.get(1)));
    var plain = call("POST", "/api/v1/datasets/golden/items", TestServer.KEY, """
        {"trace_ids":["%s","%s"]}""".formatted(traces.get(0), traces.get(1).toUpperCase()));
    assertThat(json(plain).get("added").asInt()).isEqualTo(1);
    assertThat(json(plain).get("already_present").asInt()).isEqualTo(1);
    var filtered = call("POST", "/api/v1/datasets/golden/items", TestServer.KEY, """
        {"filter":{"model":["gpt-4o-mini"],"errors":false},"limit":10}""");
    assertThat(json(filtered).get("matched").asInt()).isEqualTo(2);
    assertThat(json(filtered).get("added_trace_ids")).hasSize(2);

    JsonNode list = json(vigil.get("/api/v1/datasets", TestServer.KEY));
    assertThat(list.get("datasets").get(0).get("item_count").asInt()).isEqualTo(4);
    JsonNode page = json(vigil.get("/api/v1/datasets/golden?limit=3", TestServer.KEY));
    assertThat(page.get("items")).hasSize(3);
    assertThat(page.get("next_cursor").asText()).isNotEmpty();

    var export = vigil.get("/api/v1/datasets/golden/export", TestServer.KEY);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : export.body().split("\n")) lines.add(SignalsItSupport.JSON.readTree(line));
    assertThat(lines).hasSize(4);
    assertThat(lines).extracting(l -> l.get("trace_id").asText())
        .containsExactlyInAnyOrder(traces.get(0), traces.get(1), minis.get(0), minis.get(1));
    JsonNode first = lines.stream().filter(l -> l.get("trace_id").asText().equals(traces.get(0))).findFirst().orElseThrow();
    assertThat(first.get("input").asText()).isEqualTo("question 0");
    assertThat(first.get("output").asText()).isEqualTo("answer 0");
    assertThat(first.get("expected").asText()).isEqualTo("Open Settings, then Security.");
    assertThat(first.get("expected_source").asText()).isEqualTo("item");
    assertThat(first.get("note").asText()).isEqualTo("canonical");
    assertThat(first.get("messages").get("input").get(0).get("role").asText()).isEqualTo("user");
    assertThat(first.get("messages").get("output").get(0).get("content").asText()).isEqualTo("answer 0");
    assertThat(first.get("metadata").get("feature").asText()).isEqualTo("support-chat");
    assertThat(first.get("metadata").get("models").get(0).asText()).isEqualTo("gpt-4o");
    JsonNode second = lines.stream().filter(l -> l.get("trace_id").asText().equals(traces.get(1))).findFirst().orElseThrow();
    assertThat(second.get("expected").asText()).isEqualTo("Say: use the reset link.");
    assertThat(second.get("expected_source").asText()).isEqualTo("correction");
    assertThat(second.get("scores").get(0).get("name").asText()).isEqualTo("helpfulness");
    assertThat(second.get("feedback").get(0).get("kind").asText()).isEqualTo("correction");

    assertThat(call("DELETE", "/api/v1/datasets/golden/items/" + traces.get(0), TestServer.KEY, null).statusCode()).isEqualTo(204);
    assertThat(call("DELETE", "/api/v1/datasets/golden/items/" + traces.get(0), TestServer.KEY, null).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/datasets/golden", TestServer.KEY, null).statusCode()).isEqualTo(204);
    assertThat(vigil.get("/api/v1/datasets/golden/export", TestServer.KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void badRequestsSayWhatIsWrong() throws Exception {
    assertThat(json(call("POST", "/api/v1/datasets", TestServer.KEY, "{\"name\":\"has space\"}")).get("error").asText())
        .contains("dataset name");
    assertThat(json(call("POST", "/api/v1/datasets", TestServer.KEY, "{\"name\":7}")).get("error").asText()).contains("string");
    assertThat(json(call("POST", "/api/v1/datasets", TestServer.KEY, "[]")).get("error").asText()).contains("JSON object");
    assertThat(call("POST", "/api/v1/datasets", TestServer.KEY, "{oops").statusCode()).isEqualTo(400);
    assertThat(call("POST", "/api/v1/datasets/none/items", TestServer.KEY, "{\"trace_ids\":[]}").statusCode()).isEqualTo(404);
    call("POST", "/api/v1/datasets", TestServer.KEY, "{\"name\":\"d\"}");
    assertThat(json(call("POST", "/api/v1/datasets/d/items", TestServer.KEY, "{\"trace_ids\":[\"xyz\"]}")).get("error").asText())
        .contains("trace_ids[0]").contains("32 hex");
    String unknown = OtlpFixtures.randomHex(16);
    var missing = call("POST", "/api/v1/datasets/d/items", TestServer.KEY, "{\"trace_ids\":[\"" + unknown + "\"]}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).get("error").asText()).contains("no trace " + unknown);
    assertThat(json(call("POST", "/api/v1/datasets/d/items", TestServer.KEY, "{\"trace_ids\":[],\"filter\":{}}"))
        .get("error").asText()).contains("exactly one");
    assertThat(json(call("POST", "/api/v1/datasets/d/items", TestServer.KEY, "{\"filter\":{},\"limit\":5000}"))
        .get("error").asText()).contains("limit");
    assertThat(json(call("POST", "/api/v1/datasets/d/items", TestServer.KEY, "{\"filter\":{\"colour\":\"red\"}}"))
        .get("error").asText()).contains("colour");
    assertThat(json(call("POST", "/api/v1/datasets/d/items", TestServer.KEY, "{\"filter\":{\"model\":{\"a\":1}}}"))
        .get("error").asText()).contains("filter.model");
    assertThat(vigil.get("/api/v1/datasets", "vgl_wrong_key_000000000000000").statusCode()).isEqualTo(401);
    assertThat(json(vigil.get("/api/v1/datasets/d", TestServer.KEY)).get("items")).isEmpty();
  }

  @Test
  void anotherProjectsKeyCannotSeeOrTouchTheDatasets() throws Exception {
    List<String> traces = SignalsItSupport.traces(vigil, TestServer.KEY, 1, "gpt-4o");
    call("POST", "/api/v1/datasets", TestServer.KEY, "{\"name\":\"private\"}");
    call("POST", "/api/v1/datasets/private/items", TestServer.KEY, "{\"trace_ids\":[\"" + traces.get(0) + "\"]}");
    String keyB = SignalsItSupport.otherProjectKey(vigil, "b");

    assertThat(json(vigil.get("/api/v1/datasets", keyB)).get("datasets")).isEmpty();
    assertThat(vigil.get("/api/v1/datasets/private", keyB).statusCode()).isEqualTo(404);
    assertThat(vigil.get("/api/v1/datasets/private/export", keyB).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/datasets/private", keyB, null).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/datasets/private/items/" + traces.get(0), keyB, null).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/v1/datasets/private/items", keyB, "{\"trace_ids\":[\"" + traces.get(0) + "\"]}")
        .statusCode()).isEqualTo(404);
    // B's own dataset cannot take A's trace: it is not in B's project
    call("POST", "/api/v1/datasets", keyB, "{\"name\":\"private\"}");
    var stolen = call("POST", "/api/v1/datasets/private/items", keyB, "{\"trace_ids\":[\"" + traces.get(0) + "\"]}");
    assertThat(stolen.statusCode()).isEqualTo(400);
    assertThat(json(vigil.get("/api/v1/datasets/private", TestServer.KEY)).get("item_count").asInt()).isEqualTo(1);
    assertThat(vigil.get("/api/v1/datasets/private/export", keyB).body()).isEmpty();
  }
}
