package dev.vigil.server;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** OTLP requests of GenAI spans (1.37+ attribute names), built with the real proto classes. */
public final class OtlpFixtures {
  private OtlpFixtures() {}

  public static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    do {
      ThreadLocalRandom.current().nextBytes(b);
    } while (b[0] == 0);
    return HexFormat.of().formatHex(b);
  }

  static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  static KeyValue kv(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }

  /** A root request span and one chat call under it, in one request. */
  public static ExportTraceServiceRequest chat(String traceId, String rootId, String llmId, long startNanos,
      String model, String userMessage) {
    return chat(traceId, rootId, llmId, startNanos, model, userMessage, "Here is how.");
  }

  /** The same, with the assistant's answer given (plain text, no quotes or backslashes). */
  public static ExportTraceServiceRequest chat(String traceId, String rootId, String llmId, long startNanos,
      String model, String userMessage, String answer) {
    Span root = Span.newBuilder().setTraceId(bytes(traceId)).setSpanId(bytes(rootId)).setName("POST /chat")
        .setKind(Span.SpanKind.SPAN_KIND_SERVER).setStartTimeUnixNano(startNanos)
        .setEndTimeUnixNano(startNanos + 2_000_000_000L)
        .addAttributes(kv("user.id", "user-42")).addAttributes(kv("session.id", "session-7"))
        .addAttributes(kv("vigil.feature", "support-chat")).build();
    Span llm = Span.newBuilder().setTraceId(bytes(traceId)).setSpanId(bytes(llmId)).setParentSpanId(bytes(rootId))
        .setName("chat " + model).setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(startNanos + 100_000_000L).setEndTimeUnixNano(startNanos + 1_600_000_000L)
        .addAttributes(kv("gen_ai.operation.name", "chat"))
        .addAttributes(kv("gen_ai.provider.name", "openai"))
        .addAttributes(kv("gen_ai.request.model", model))
        .addAttributes(kv("gen_ai.response.model", model))
        .addAttributes(kv("gen_ai.usage.input_tokens", 1000))
        .addAttributes(kv("gen_ai.usage.output_tokens", 200))
        .addAttributes(kv("gen_ai.input.messages",
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + userMessage + "\"}]}]"))
        .addAttributes(kv("gen_ai.output.messages",
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + answer + "\"}],\"finish_reason\":\"stop\"}]"))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK)).build();
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", "support-api")))
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(root).addSpans(llm))).build();
  }

  public static ByteString bytes(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
