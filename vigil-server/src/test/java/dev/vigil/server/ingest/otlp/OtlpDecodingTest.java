package dev.vigil.server.ingest.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

class OtlpDecodingTest {
  private static final String TRACE = "5b8efff798038103d269b633813fc60c";

  /** One span in a request; {@code fields} is spliced into the span object. */
  private static String oneSpan(String fields) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{" + fields + "}]}]}]}";
  }

  private static Span parseOne(String fields) {
    return OtlpDecoding.parseTracesJson(oneSpan(fields).getBytes(UTF_8))
        .getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private static void assertJsonError(String json, String message) {
    assertThatThrownBy(() -> OtlpDecoding.parseTracesJson(json.getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void hexIdsAreCaseInsensitiveAndNotBase64() {
    Span span = parseOne("\"traceId\":\"" + TRACE.toUpperCase() + "\",\"spanId\":\"EEE19B7EC3C1B174\","
        + "\"parentSpanId\":\"\"");
    assertThat(span.getTraceId()).isEqualTo(ProtoSpans.id(TRACE));
    assertThat(span.getSpanId()).isEqualTo(ProtoSpans.id("eee19b7ec3c1b174"));
    assertThat(span.getParentSpanId().isEmpty()).isTrue();
  }

  @Test
  void base64IdsAreRejectedWithThePath() {
    assertJsonError(oneSpan("\"traceId\":\"W47/95gDgQPSabYzgT/GDA==\""),
        "resourceSpans[0].scopeSpans[0].spans[0].traceId: expected 32 hex characters (OTLP/JSON ids are hex, not base64)");
  }

  @Test
  void wrongLengthIdsAreRejectedWithThePath() {
    assertJsonError("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{},{},{\"traceId\":\"" + TRACE.substring(2)
        + "\"}]}]}]}", "resourceSpans[0].scopeSpans[0].spans[2].traceId: expected 32 hex characters, got 30");
    assertJsonError(oneSpan("\"parentSpanId\":\"eee19b7ec3c1b1\""),
        "spans[0].parentSpanId: expected 16 hex characters, got 14");
  }

  @Test
  void int64AcceptsStringsAndNumbers() {
    Span fromString = parseOne("\"startTimeUnixNano\":\"1767225600000000000\",\"endTimeUnixNano\":1767225600000000001,"
        + "\"attributes\":[{\"key\":\"n\",\"value\":{\"intValue\":\"42\"}},{\"key\":\"m\",\"value\":{\"intValue\":7}}]");
    assertThat(fromString.getStartTimeUnixNano()).isEqualTo(1767225600000000000L);
    assertThat(fromString.getEndTimeUnixNano()).isEqualTo(1767225600000000001L);
    assertThat(fromString.getAttributes(0).getValue().getIntValue()).isEqualTo(42);
    assertThat(fromString.getAttributes(1).getValue().getIntValue()).isEqualTo(7);
    // fixed64 is unsigned: the full range is accepted, a negative value is not
    assertThat(parseOne("\"startTimeUnixNano\":\"18446744073709551615\"").getStartTimeUnixNano()).isEqualTo(-1L);
    assertJsonError(oneSpan("\"startTimeUnixNano\":-5"), "startTimeUnixNano: integer -5 is out of range for fixed64");
    assertJsonError(oneSpan("\"startTimeUnixNano\":1.5"), "startTimeUnixNano: expected an integer, got 1.5");
  }

  @Test
  void enumsAreIntegersOrNames() {
    assertThat(parseOne("\"kind\":3,\"status\":{\"code\":2}").getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(parseOne("\"kind\":\"SPAN_KIND_SERVER\"").getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(parseOne("\"status\":{\"code\":2}").getStatus().getCodeValue()).isEqualTo(2);
    assertJsonError(oneSpan("\"kind\":\"client\""), "spans[0].kind: unknown SpanKind value 'client'");
  }

  @Test
  void unknownFieldsAreIgnoredAndProtoNamesAccepted() {
    String json = "{\"resource_spans\":[{\"futureField\":{\"a\":[1,2,{}]},\"scope_spans\":[{\"spans\":[{"
        + "\"trace_id\":\"" + TRACE + "\",\"newThing\":true,\"name\":\"x\",\"attributes\":[{\"key\":\"k\","
        + "\"value\":{\"stringValue\":\"v\",\"extra\":1}}]}]}]}],\"extra\":null}";
    Span span = OtlpDecoding.parseTracesJson(json.getBytes(UTF_8)).getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getName()).isEqualTo("x");
    assertThat(span.getTraceId()).isEqualTo(ProtoSpans.id(TRACE));
    assertThat(span.getAttributes(0).getValue().getStringValue()).isEqualTo("v");
  }

  @Test
  void otherBytesStayBase64() {
    AnyValue v = parseOne("\"attributes\":[{\"key\":\"b\",\"value\":{\"bytesValue\":\"AQID\"}}]")
        .getAttributes(0).getValue();
    assertThat(v.getBytesValue().toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void wrongJsonTypesNameTheField() {
    assertJsonError(oneSpan("\"startTimeUnixNano\":{}"),
        "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: expected an integer (a number or a decimal string), got an object");
    assertJsonError("{\"resourceSpans\":{}}", "resourceSpans: expected an array, got an object");
    assertJsonError(oneSpan("\"name\":5"), "spans[0].name: expected a string, got a number");
    assertJsonError(oneSpan("\"status\":[]"), "spans[0].status: expected an object, got an array");
    assertJsonError(oneSpan("\"attributes\":[{\"key\":\"k\",\"value\":{\"intValue\":\"many\"}}]"),
        "spans[0].attributes[0].value.intValue: expected an integer, got 'many'");
    assertJsonError(oneSpan("\"attributes\":[{\"key\":\"k\",\"value\":{\"kvlistValue\":{\"values\":{}}}}]"),
        "spans[0].attributes[0].value.kvlistValue.values: expected an array, got an object");
    assertJsonError(oneSpan("\"attributes\":[{\"key\":\"k\",\"value\":{\"arrayValue\":{\"values\":"
        + "[{\"boolValue\":true},{\"doubleValue\":\"x\"}]}}}]"),
        "spans[0].attributes[0].value.arrayValue.values[1].doubleValue: expected a number, got 'x'");
    assertJsonError(oneSpan("\"attributes\":[{\"key\":7}]"), "spans[0].attributes[0].key: expected a string, got a number");
  }

  @Test
  void malformedJsonSaysWhere() {
    assertJsonError("{\n  \"resourceSpans\": [\n    {\"scopeSpans\": }\n  ]\n}", "invalid JSON at line 3 column 20: ");
    assertJsonError("{\"resourceSpans\":[]} {}", "invalid JSON at line 1 column 22: unexpected content after the top-level object");
    assertJsonError("{\"resourceSpans\":[]} trailing", "invalid JSON at line 1 column 22: Unrecognized token 'trailing'");
    assertJsonError("", "invalid JSON: body is empty");
    assertJsonError("[1]", "expected an object at the top level, got an array");
  }

  @Test
  void invalidUtf8IsRejected() {
    byte[] body = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":\"caf\u00e9\"}]}]}]}".getBytes(UTF_8);
    assertThat(OtlpDecoding.parseTracesJson(body).getResourceSpans(0).getScopeSpans(0).getSpans(0).getName())
        .isEqualTo("caf\u00e9");
    byte[] bad = body.clone();
    bad[bad.length - 10] = (byte) 0xff; // inside the name string
    assertThatThrownBy(() -> OtlpDecoding.parseTracesJson(bad)).hasMessageStartingWith("body is not valid UTF-8");
  }

  @Test
  void utf8ValidatorRejectsOverlongsAndSurrogates() {
    assertThat(Utf8.firstInvalid("a\u00e9\u20ac\ud83d\ude00".getBytes(UTF_8))).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(new byte[] {'a', (byte) 0xc0, (byte) 0x80})).isEqualTo(1);
    assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isZero();
    assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isZero();
    assertThat(Utf8.firstInvalid(new byte[] {'x', (byte) 0xe2, (byte) 0x82})).isEqualTo(1);
  }

  @Test
  void malformedProtobufIsRejected() {
    assertThatThrownBy(() -> OtlpDecoding.parseTracesProtobuf(new byte[] {0x0a, 0x7f, 0x01}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid OTLP protobuf: ");
    assertThatThrownBy(() -> OtlpDecoding.parseLogsProtobuf(new byte[] {(byte) 0xff}))
        .hasMessageStartingWith("invalid OTLP protobuf: ");
    assertThat(OtlpDecoding.parseTracesProtobuf(new byte[0])).isEqualTo(ExportTraceServiceRequest.getDefaultInstance());
  }

  @Test
  void logsJsonReadsEventNameAndAllowsMissingIds() {
    String json = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"eventName\":\"gen_ai.choice\","
        + "\"timeUnixNano\":\"5\",\"severityNumber\":9,\"traceId\":\"\",\"body\":{\"stringValue\":\"hi\"}}]}]}]}";
    ExportLogsServiceRequest request = OtlpDecoding.parseLogsJson(json.getBytes(UTF_8));
    var record = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(record.getEventName()).isEqualTo("gen_ai.choice");
    assertThat(record.getTimeUnixNano()).isEqualTo(5);
    assertThat(record.getTraceId().isEmpty()).isTrue();
    assertThat(record.getBody().getStringValue()).isEqualTo("hi");
    byte[] proto = request.toByteArray();
    assertThat(OtlpDecoding.parseLogsProtobuf(proto)).isEqualTo(request);
  }
}
