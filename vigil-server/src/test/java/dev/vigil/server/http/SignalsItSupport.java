package dev.vigil.server.http;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.ArrayList;
import java.util.List;

/** Traces and keys for the feedback and dataset ITs, through the real HTTP API. */
final class SignalsItSupport {
  static final ObjectMapper JSON = new ObjectMapper();

  private SignalsItSupport() {}

  /** {@code n} chat traces a minute apart ending now, sent in one OTLP request; returns their trace ids. */
  static List<String> traces(TestServer vigil, String key, int n, String model) {
    ExportTraceServiceRequest.Builder all = ExportTraceServiceRequest.newBuilder();
    List<String> ids = new ArrayList<>();
    long now = System.currentTimeMillis() * 1_000_000L;
    for (int i = 0; i < n; i++) {
      String traceId = randomHex(16);
      ids.add(traceId);
      all.addAllResourceSpans(OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), now - (n - i) * 60_000_000_000L,
          model, "question " + i, "answer " + i).getResourceSpansList());
    }
    assertThat(vigil.postBytes("/v1/traces", key, "application/x-protobuf", all.build().toByteArray()).statusCode())
        .isEqualTo(200);
    vigil.flush();
    return ids;
  }

  /** A second project, with its own key. */
  static String otherProjectKey(TestServer vigil, String name) throws Exception {
    var created = vigil.json("POST", "/api/v1/projects", TestServer.KEY, "{\"name\":\"" + name + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body()).get("api_key").get("secret").asText();
  }

  static JsonNode json(java.net.http.HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
