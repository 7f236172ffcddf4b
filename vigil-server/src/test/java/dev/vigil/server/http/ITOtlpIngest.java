package dev.vigil.server.http;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP/HTTP in both encodings, end to end: acknowledged, normalized, priced, masked, queryable. */
class ITOtlpIngest {
  static final ObjectMapper JSON = new ObjectMapper();
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

  @Test
  void protobufSpansAreStoredPricedAndMasked() throws Exception {
    String traceId = randomHex(16);
    String rootId = randomHex(8);
    String llmId = randomHex(8);
    long start = System.currentTimeMillis() * 1_000_000L;
    var request = OtlpFixtures.chat(traceId, rootId, llmId, start, "gpt-4o", "My email is jane.doe@example.com");

    var response = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-protobuf");
    assertThat(ExportTraceServiceResponse.parseFrom(response.body()).hasPartialSuccess()).isFalse();
    vigil.flush();

    JsonNode list = JSON.readTree(vigil.get("/api/v1/traces", TestServer.KEY).body());
    JsonNode t = list.get("traces").get(0);
    assertThat(t.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(t.get("feature").asText()).isEqualTo("support-chat");
    assertThat(t.get("user_id").asText()).isEqualTo("user-42");
    assertThat(t.get("input_tokens").asLong()).isEqualTo(1000);
    assertThat(t.get("cost").asDouble()).isEqualTo(1000 * 2.5e-6 + 200 * 1e-5, org.assertj.core.data.Offset.offset(1e-12));

    JsonNode detail = JSON.readTree(vigil.get("/api/v1/traces/" + traceId, TestServer.KEY).body());
    JsonNode root = detail.get("tree").get(0);
    assertThat(root.get("span_id").asText()).isEqualTo(rootId);
    JsonNode llm = root.get("children").get(0);
    assertThat(llm.get("llm").get("provider").asText()).isEqualTo("openai");
    assertThat(llm.get("llm").get("cost").get("source").asText()).isEqualTo("table");
    String asked = llm.get("input").get("messages").get(0).get("content").asText();
    assertThat(asked).isEqualTo("My email is [EMAIL]").doesNotContain("jane.doe");
    assertThat(llm.get("pii_masked").get("email").asInt()).isEqualTo(1);
    assertThat(llm.get("output").get("messages").get(0).get("finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void jsonSpansWithHexIdsAndStringIntegers() throws Exception {
    String traceId = randomHex(16);
    String spanId = randomHex(8);
    long start = System.currentTimeMillis() * 1_000_000L;
    String body = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"classifier"}}]},
          "scopeSpans":[{"spans":[{"traceId":"%s","spanId":"%s","name":"chat gpt-4o-mini","kind":3,
            "startTimeUnixNano":"%d","endTimeUnixNano":%d,"unknownField":{"x":1},
            "attributes":[{"key":"gen_ai.system","value":{"stringValue":"openai"}},
              {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-mini"}},
              {"key":"gen_ai.usage.prompt_tokens","value":{"intValue":"40"}},
              {"key":"gen_ai.usage.completion_tokens","value":{"intValue":3}}]}]}]}]}
        """.formatted(traceId.toUpperCase(), spanId, start, start + 300_000_000L);

    var response = vigil.post("/v1/traces", TestServer.KEY, "application/json", body.getBytes());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    vigil.flush();
    JsonNode span = JSON.readTree(vigil.get("/api/v1/traces/" + traceId + "/spans/" + spanId, TestServer.KEY).body());
    assertThat(span.get("service").asText()).isEqualTo("classifier");
    assertThat(span.get("llm").get("usage").get("input_tokens").asLong()).isEqualTo(40);
    assertThat(span.get("llm").get("usage").get("output_tokens").asLong()).isEqualTo(3);
    assertThat(span.get("llm").get("request_model").asText()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void gzippedProtobufIsAccepted() throws Exception {
    String traceId = randomHex(16);
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
        "gpt-4o", "hello");
    var gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(request.toByteArray());
    }
    var response = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", gz.toByteArray(),
        "Content-Encoding", "gzip");
    assertThat(response.statusCode()).isEqualTo(200);
    vigil.flush();
    assertThat(vigil.get("/api/v1/traces/" + traceId, TestServer.KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void resentBatchIsStoredOnce() throws Exception {
    String traceId = randomHex(16);
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
        "gpt-4o", "hello").toByteArray();
    for (int i = 0; i < 3; i++) {
      assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request).statusCode()).isEqualTo(200);
    }
    vigil.flush();
    JsonNode detail = JSON.readTree(vigil.get("/api/v1/traces/" + traceId, TestServer.KEY).body());
    assertThat(detail.get("span_count").asInt()).isEqualTo(2);
  }

  @Test
  void logEventsJoinTheirSpanAndAreMasked() throws Exception {
    String traceId = randomHex(16);
    String spanId = randomHex(8);
    long start = System.currentTimeMillis() * 1_000_000L;
    String logs = """
        {"resourceLogs":[{"scopeLogs":[{"logRecords":[
          {"timeUnixNano":"%d","eventName":"gen_ai.user.message","traceId":"%s","spanId":"%s",
           "attributes":[{"key":"gen_ai.system","value":{"stringValue":"openai"}}],
           "body":{"kvlistValue":{"values":[{"key":"content","value":{"stringValue":"Call me at +1 415 555 2671"}}]}}},
          {"timeUnixNano":"%d","eventName":"gen_ai.choice","traceId":"%s","spanId":"%s",
           "body":{"kvlistValue":{"values":[{"key":"index","value":{"intValue":"0"}},
             {"key":"finish_reason","value":{"stringValue":"stop"}},
             {"key":"message","value":{"kvlistValue":{"values":[{"key":"content","value":{"stringValue":"Sure."}}]}}}]}}},
          {"timeUnixNano":"%d","body":{"stringValue":"an ordinary log line"}}]}]}]}
        """.formatted(start, traceId, spanId, start + 1, traceId, spanId, start + 2);
    var r = vigil.post("/v1/logs", TestServer.KEY, "application/json", logs.getBytes());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("ignored"); // the plain log line is reported, not silently dropped
    String span = """
        {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"%s","spanId":"%s","name":"chat gpt-4o","kind":3,
          "startTimeUnixNano":"%d","endTimeUnixNano":"%d","attributes":[
          {"key":"gen_ai.system","value":{"stringValue":"openai"}},
          {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
          {"key":"gen_ai.usage.input_tokens","value":{"intValue":"12"}},
          {"key":"gen_ai.usage.output_tokens","value":{"intValue":"2"}}]}]}]}]}
        """.formatted(traceId, spanId, start, start + 500_000_000L);
    assertThat(vigil.post("/v1/traces", TestServer.KEY, "application/json", span.getBytes()).statusCode()).isEqualTo(200);
    vigil.flush();

    JsonNode read = JSON.readTree(vigil.get("/api/v1/traces/" + traceId + "/spans/" + spanId, TestServer.KEY).body());
    assertThat(read.get("input").get("messages").get(0).get("content").asText()).isEqualTo("Call me at [PHONE]");
    assertThat(read.get("output").get("messages").get(0).get("content").asText()).isEqualTo("Sure.");
    assertThat(read.get("pii_masked").get("phone").asInt()).isEqualTo(1);
  }

  @Test
  void missingUsageIsCountedAndPriced() throws Exception {
    String traceId = randomHex(16);
    String spanId = randomHex(8);
    long start = System.currentTimeMillis() * 1_000_000L;
    String span = """
        {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"%s","spanId":"%s","name":"chat gpt-4o","kind":3,
          "startTimeUnixNano":"%d","endTimeUnixNano":"%d","attributes":[
          {"key":"gen_ai.provider.name","value":{"stringValue":"openai"}},
          {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
          {"key":"gen_ai.input.messages","value":{"stringValue":"[{\\"role\\":\\"user\\",\\"parts\\":[{\\"type\\":\\"text\\",\\"content\\":\\"hello world\\"}]}]"}},
          {"key":"gen_ai.output.messages","value":{"stringValue":"[{\\"role\\":\\"assistant\\",\\"parts\\":[{\\"type\\":\\"text\\",\\"content\\":\\"hello\\"}],\\"finish_reason\\":\\"stop\\"}]"}}]}]}]}]}
        """.formatted(traceId, spanId, start, start + 500_000_000L);
    assertThat(vigil.post("/v1/traces", TestServer.KEY, "application/json", span.getBytes()).statusCode()).isEqualTo(200);
    vigil.flush();

    JsonNode llm = JSON.readTree(vigil.get("/api/v1/traces/" + traceId + "/spans/" + spanId, TestServer.KEY).body()).get("llm");
    assertThat(llm.get("usage").get("estimated").asBoolean()).isTrue();
    assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(2 + 3); // o200k "hello world" + 3 per message
    assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(1);
    assertThat(llm.get("cost").get("total").asDouble()).isPositive();
  }

  @Test
  void unknownModelIsUnpricedNotFree() throws Exception {
    String traceId = randomHex(16);
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
        "acme-llm-7b", "hello");
    vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray());
    vigil.flush();
    JsonNode t = JSON.readTree(vigil.get("/api/v1/traces", TestServer.KEY).body()).get("traces").get(0);
    assertThat(t.get("cost").isNull()).isTrue();
    assertThat(t.get("unpriced_calls").asInt()).isEqualTo(1);
    assertThat(vigil.get("/metrics", null).body()).contains("vigil_ingest_unpriced_calls_total 1.0");
  }
}
