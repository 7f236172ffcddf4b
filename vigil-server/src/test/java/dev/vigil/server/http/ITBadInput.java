package dev.vigil.server.http;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad request gets a 4xx with a message saying what is wrong, and loses nothing else. */
class ITBadInput {
  @TempDir
  Path dir;
  TestServer vigil;

  @BeforeEach
  void start() {
    vigil = new TestServer(dir, Map.of("VIGIL_INGEST_MAX_BODY_BYTES", "65536",
        "VIGIL_INGEST_MAX_DECOMPRESSED_BYTES", "262144"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
  }

  private static byte[] validProtobuf() {
    return OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
        "gpt-4o", "hi").toByteArray();
  }

  /** Decodes the google.rpc.Status an OTLP error carries: {code, message}. */
  private static String statusMessage(byte[] body) throws Exception {
    CodedInputStream in = CodedInputStream.newInstance(body);
    String message = "";
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag >>> 3 == 2) message = in.readString();
      else in.skipField(tag);
    }
    return message;
  }

  @Test
  void missingInvalidAndRevokedKeys() throws Exception {
    var missing = vigil.postBytes("/v1/traces", null, "application/x-protobuf", validProtobuf());
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(statusMessage(missing.body())).contains("Authorization");
    var invalid = vigil.postBytes("/v1/traces", "vgl_not_a_real_key_000000000", "application/x-protobuf", validProtobuf());
    assertThat(invalid.statusCode()).isEqualTo(401);
    assertThat(statusMessage(invalid.body())).isEqualTo("invalid API key");
    var notBearer = vigil.post("/api/v1/sql", null, "application/json", "{}".getBytes(), "Authorization", "Basic abc");
    assertThat(notBearer.statusCode()).isEqualTo(401);
    assertThat(notBearer.body()).contains("Bearer");

    var created = ITOtlpIngest.JSON.readTree(vigil.json("POST", "/api/v1/keys", TestServer.KEY, "{\"name\":\"temp\"}").body());
    String secret = created.get("secret").asText();
    assertThat(vigil.get("/api/v1/traces", secret).statusCode()).isEqualTo(200);
    assertThat(vigil.json("DELETE", "/api/v1/keys/" + created.get("id").asText(), TestServer.KEY, null).statusCode()).isEqualTo(204);
    var revoked = vigil.postBytes("/v1/traces", secret, "application/x-protobuf", validProtobuf());
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(statusMessage(revoked.body())).contains("revoked");
  }

  @Test
  void malformedProtobuf() throws Exception {
    var r = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(statusMessage(r.body())).containsIgnoringCase("protobuf");
  }

  @Test
  void invalidJsonWrongTypesAndInvalidUtf8() {
    var broken = vigil.post("/v1/traces", TestServer.KEY, "application/json", "{\"resourceSpans\": [".getBytes());
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).containsIgnoringCase("json");
    var wrongType = vigil.post("/v1/traces", TestServer.KEY, "application/json",
        "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"startTimeUnixNano\": {}}]}]}]}".getBytes());
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("startTimeUnixNano");
    byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
    var utf8 = vigil.post("/v1/traces", TestServer.KEY, "application/json", badUtf8);
    assertThat(utf8.statusCode()).isEqualTo(400);
    assertThat(utf8.body()).contains("UTF-8");
  }

  @Test
  void oversizedBodyAndGzipBomb() throws Exception {
    var big = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", new byte[70_000]);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(statusMessage(big.body())).contains("65536");
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      gz.write(new byte[10_000_000]); // ~10 KB compressed, 10 MB inflated
    }
    assertThat(bomb.size()).isLessThan(65536);
    var inflated = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", bomb.toByteArray(),
        "Content-Encoding", "gzip");
    assertThat(inflated.statusCode()).isEqualTo(413);
    assertThat(statusMessage(inflated.body())).contains("decompressed");
    var notGzip = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", validProtobuf(),
        "Content-Encoding", "gzip");
    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(statusMessage(notGzip.body())).contains("gzip");
  }

  @Test
  void unsupportedContentTypeAndEncoding() throws Exception {
    var xml = vigil.post("/v1/traces", TestServer.KEY, "application/xml", "<x/>".getBytes());
    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(xml.body()).contains("application/x-protobuf");
    var br = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", validProtobuf(), "Content-Encoding", "br");
    assertThat(br.statusCode()).isEqualTo(415);
  }

  @Test
  void jsonIdOfTheWrongLengthIsRefusedWithItsPath() {
    long start = System.currentTimeMillis() * 1_000_000L;
    String body = """
        {"resourceSpans":[{"scopeSpans":[{"spans":[
          {"traceId":"abcd","spanId":"%s","name":"short","startTimeUnixNano":"%d","endTimeUnixNano":"%d"}]}]}]}
        """.formatted(randomHex(8), start, start + 1000);
    var r = vigil.post("/v1/traces", TestServer.KEY, "application/json", body.getBytes());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("resourceSpans[0].scopeSpans[0].spans[0].traceId").contains("32 hex characters");
  }

  @Test
  void protobufSpanWithABadIdIsRejectedAndTheRestStored() throws Exception {
    String goodTrace = randomHex(16);
    var good = OtlpFixtures.chat(goodTrace, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L, "gpt-4o", "hi");
    var bad = good.getResourceSpans(0).getScopeSpans(0).getSpans(0).toBuilder()
        .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2, 3, 4})).build();
    var request = good.toBuilder().setResourceSpans(0, good.getResourceSpans(0).toBuilder()
        .setScopeSpans(0, good.getResourceSpans(0).getScopeSpans(0).toBuilder().addSpans(bad))).build();

    var r = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray());

    assertThat(r.statusCode()).isEqualTo(200);
    var partial = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.parseFrom(r.body()).getPartialSuccess();
    assertThat(partial.getRejectedSpans()).isEqualTo(1);
    assertThat(partial.getErrorMessage()).contains("traceId");
    vigil.flush();
    assertThat(ITOtlpIngest.JSON.readTree(vigil.get("/api/v1/traces/" + goodTrace, TestServer.KEY).body())
        .get("span_count").asInt()).isEqualTo(2);
  }

  @Test
  void queryApiErrors() {
    assertThat(vigil.get("/api/v1/traces?modle=gpt-4o", TestServer.KEY).body()).contains("unknown query parameter 'modle'");
    assertThat(vigil.get("/api/v1/traces?limit=0", TestServer.KEY).statusCode()).isEqualTo(400);
    assertThat(vigil.get("/api/v1/traces?from=yesterday", TestServer.KEY).body()).contains("ISO-8601");
    assertThat(vigil.get("/api/v1/traces?sort=best", TestServer.KEY).body()).contains("newest");
    assertThat(vigil.get("/api/v1/traces/xyz", TestServer.KEY).statusCode()).isEqualTo(400);
    assertThat(vigil.get("/api/v1/traces/" + randomHex(16), TestServer.KEY).statusCode()).isEqualTo(404);
    assertThat(vigil.get("/api/v1/metrics?bucket=7s", TestServer.KEY).body()).contains("bucket");
    assertThat(vigil.get("/api/v1/nowhere", TestServer.KEY).statusCode()).isEqualTo(404);
    assertThat(vigil.json("POST", "/api/v1/sql", TestServer.KEY, "{\"query\": 5").statusCode()).isEqualTo(400);
  }
}
