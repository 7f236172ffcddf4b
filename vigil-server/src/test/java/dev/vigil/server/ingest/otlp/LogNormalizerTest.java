package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.vigil.model.Message;
import dev.vigil.model.SpanAttachment;
import dev.vigil.model.ToolCall;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogNormalizerTest {
  private static final String SPAN = "b7ad6b7169203331";

  private static LogRecord.Builder event(String name, Object body, Object... attributes) {
    LogRecord.Builder b = LogRecord.newBuilder()
        .setTraceId(ProtoSpans.id(ProtoSpans.TRACE))
        .setSpanId(ProtoSpans.id(SPAN))
        .setTimeUnixNano(ProtoSpans.START)
        .setEventName(name)
        .addAllAttributes(ProtoSpans.kvs(attributes));
    if (body != null) b.setBody(ProtoSpans.value(body));
    return b;
  }

  private static NormalizedLogs normalize(LogRecord.Builder... records) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (LogRecord.Builder r : records) scope.addLogRecords(r);
    ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(scope)).build();
    return new LogNormalizer().normalize(OtlpDecoding.parseLogsProtobuf(request.toByteArray()));
  }

  @Test
  void messageEventsBecomeInputAttachments() {
    NormalizedLogs logs = normalize(
        event("gen_ai.system.message", Map.of("content", "Be brief."), "gen_ai.system", "openai"),
        event("gen_ai.user.message", "plain text body"),
        event("gen_ai.assistant.message", Map.of("tool_calls", List.of(Map.of("id", "c1", "type", "function",
            "function", Map.of("name", "f", "arguments", "{}"))))),
        event("gen_ai.tool.message", Map.of("content", "42", "id", "c1")));
    assertThat(logs.rejected()).isZero();
    assertThat(logs.attachments()).extracting(a -> a.input().get(0)).containsExactly(
        Message.of("system", "Be brief."),
        Message.of("user", "plain text body"),
        new Message("assistant", null, null, List.of(new ToolCall("c1", "f", "{}")), null, null),
        new Message("tool", "42", null, List.of(), "c1", null));
    SpanAttachment first = logs.attachments().get(0);
    assertThat(first.traceId()).isEqualTo(ProtoSpans.TRACE);
    assertThat(first.spanId()).isEqualTo(SPAN);
    assertThat(first.epochNanos()).isEqualTo(ProtoSpans.START);
    assertThat(first.eventName()).isEqualTo("gen_ai.system.message");
    assertThat(first.attributes()).containsExactly(Map.entry("gen_ai.system", "openai"));
  }

  @Test
  void choiceBecomesOutputWithFinishReason() {
    SpanAttachment a = normalize(event("gen_ai.choice", Map.of("index", 0L, "finish_reason", "Stop",
        "message", Map.of("content", "Hello!")))).attachments().get(0);
    assertThat(a.input()).isEmpty();
    assertThat(a.output()).containsExactly(new Message("assistant", "Hello!", null, List.of(), null, "stop"));
  }

  @Test
  void eventNameAttributeAndOperationDetails() {
    LogRecord.Builder legacy = event("", Map.of("content", "hi"), "event.name", "gen_ai.user.message");
    LogRecord.Builder details = event("gen_ai.client.inference.operation.details", null,
        "gen_ai.request.model", "gpt-4o",
        "gen_ai.system_instructions", List.of(Map.of("type", "text", "content", "sys")),
        "gen_ai.input.messages", List.of(Map.of("role", "user", "parts", List.of(Map.of("type", "text", "content", "q")))),
        "gen_ai.output.messages", "[{\"role\":\"assistant\",\"finish_reason\":\"stop\",\"parts\":[{\"type\":\"text\",\"content\":\"a\"}]}]");
    NormalizedLogs logs = normalize(legacy, details);
    assertThat(logs.attachments().get(0).eventName()).isEqualTo("gen_ai.user.message");
    assertThat(logs.attachments().get(0).attributes()).isEmpty();
    SpanAttachment d = logs.attachments().get(1);
    assertThat(d.input()).containsExactly(Message.of("system", "sys"), Message.of("user", "q"));
    assertThat(d.output()).containsExactly(new Message("assistant", "a", null, List.of(), null, "stop"));
    assertThat(d.attributes()).containsOnlyKeys("gen_ai.request.model");
  }

  @Test
  void recordsWithoutIdsAreRejectedAndOthersIgnored() {
    NormalizedLogs logs = normalize(
        event("gen_ai.user.message", "no ids").clearTraceId().clearSpanId(),
        event("gen_ai.user.message", "short").setSpanId(ByteString.copyFrom(new byte[3])),
        event("gen_ai.user.message", "zero").setTraceId(ByteString.copyFrom(new byte[16])),
        event("", "a plain log line"),
        event("http.request", "not GenAI"),
        event("gen_ai.user.message", "kept"));
    assertThat(logs.attachments()).hasSize(1);
    assertThat(logs.rejected()).isEqualTo(3);
    assertThat(logs.ignored()).isEqualTo(2);
    assertThat(logs.errors()).containsExactly(
        "resourceLogs[0].scopeLogs[0].logRecords[0] gen_ai.user.message: a GenAI event needs a trace id and a span id to be joined to its span",
        "resourceLogs[0].scopeLogs[0].logRecords[1] gen_ai.user.message: spanId must be 8 bytes, got 3",
        "resourceLogs[0].scopeLogs[0].logRecords[2] gen_ai.user.message: traceId must not be all zeros");
  }
}
