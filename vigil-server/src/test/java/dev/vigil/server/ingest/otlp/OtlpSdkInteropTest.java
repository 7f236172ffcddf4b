package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the real OpenTelemetry Java SDK writes, as OTLP/JSON and protobuf, decodes and normalizes the same. */
class OtlpSdkInteropTest {
  private static final Resource RESOURCE = Resource.getDefault().merge(Resource.builder()
      .put("service.name", "interop").put("deployment.environment.name", "test").build());

  @Test
  @SuppressWarnings("try") // the scope is only there to make the root current
  void sdkSpansAsJsonAndProtobuf() throws IOException {
    List<SpanData> exported = new CopyOnWriteArrayList<>();
    try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(RESOURCE)
        .addSpanProcessor(SimpleSpanProcessor.create(collecting(exported))).build()) {
      Tracer tracer = provider.get("interop-test", "1.0");
      io.opentelemetry.api.trace.Span root = tracer.spanBuilder("invoke_agent helper")
          .setAttribute("gen_ai.operation.name", "invoke_agent").setAttribute("user.id", "u-1").startSpan();
      try (Scope ignored = root.makeCurrent()) {
        tracer.spanBuilder("chat gpt-4o").setSpanKind(SpanKind.CLIENT)
            .setAttribute("gen_ai.operation.name", "chat")
            .setAttribute("gen_ai.provider.name", "openai")
            .setAttribute("gen_ai.request.model", "gpt-4o")
            .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 9_000_000_000L)
            .setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
            .setAttribute("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]")
            .startSpan().end();
      } finally {
        root.end();
      }
    }
    assertThat(exported).hasSize(2);

    NormalizedTraces fromJson = new TraceNormalizer().normalize(
        OtlpDecoding.parseTracesJson(json(TraceRequestMarshaler.create(exported))), "vigil.feature");
    NormalizedTraces fromProto = new TraceNormalizer().normalize(
        OtlpDecoding.parseTracesProtobuf(binary(TraceRequestMarshaler.create(exported))), "vigil.feature");

    assertThat(fromJson).isEqualTo(fromProto);
    assertThat(fromJson.rejectedSpans()).isZero();
    SpanData sdkChat = exported.get(0);
    Span chat = fromJson.spans().stream().filter(s -> s.type() == SpanType.LLM).findFirst().orElseThrow();
    assertThat(chat.traceId()).isEqualTo(sdkChat.getTraceId());
    assertThat(chat.spanId()).isEqualTo(sdkChat.getSpanId());
    assertThat(chat.parentSpanId()).isEqualTo(sdkChat.getParentSpanId());
    assertThat(chat.startEpochNanos()).isEqualTo(sdkChat.getStartEpochNanos());
    assertThat(chat.llm().usage().input()).isEqualTo(9_000_000_000L);
    assertThat(chat.userId()).isEqualTo("u-1");
    assertThat(chat.environment()).isEqualTo("test");
    assertThat(chat.content().input()).containsExactly(Message.of("user", "hi"));
  }

  @Test
  void sdkLogEventsAsJson() throws IOException {
    List<LogRecordData> exported = new CopyOnWriteArrayList<>();
    // without a processor the SDK hands out invalid, no-op spans
    try (SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(collecting(new CopyOnWriteArrayList<>()))).build();
        SdkLoggerProvider loggers = SdkLoggerProvider.builder().setResource(RESOURCE)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(collectingLogs(exported))).build()) {
      io.opentelemetry.api.trace.Span span = tracers.get("t").spanBuilder("chat").startSpan();
      loggers.get("interop").logRecordBuilder()
          .setContext(io.opentelemetry.context.Context.root().with(span))
          .setEventName("gen_ai.user.message")
          .setBody(Value.of(java.util.Map.of("content", Value.of("hello"))))
          .emit();
      span.end();
    }
    NormalizedLogs logs = new LogNormalizer().normalize(
        OtlpDecoding.parseLogsJson(json(LogsRequestMarshaler.create(exported))));
    assertThat(logs.errors()).isEmpty();
    assertThat(logs.attachments()).singleElement().satisfies(a -> {
      assertThat(a.traceId()).isEqualTo(exported.get(0).getSpanContext().getTraceId());
      assertThat(a.input()).containsExactly(Message.of("user", "hello"));
    });
  }

  private static byte[] json(Marshaler marshaler) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    marshaler.writeJsonTo(out);
    return out.toByteArray();
  }

  private static byte[] binary(Marshaler marshaler) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    marshaler.writeBinaryTo(out);
    return out.toByteArray();
  }

  private static SpanExporter collecting(List<SpanData> sink) {
    return new SpanExporter() {
      @Override public CompletableResultCode export(Collection<SpanData> spans) {
        sink.addAll(spans);
        return CompletableResultCode.ofSuccess();
      }
      @Override public CompletableResultCode flush() { return CompletableResultCode.ofSuccess(); }
      @Override public CompletableResultCode shutdown() { return CompletableResultCode.ofSuccess(); }
    };
  }

  private static LogRecordExporter collectingLogs(List<LogRecordData> sink) {
    return new LogRecordExporter() {
      @Override public CompletableResultCode export(Collection<LogRecordData> logs) {
        sink.addAll(logs);
        return CompletableResultCode.ofSuccess();
      }
      @Override public CompletableResultCode flush() { return CompletableResultCode.ofSuccess(); }
      @Override public CompletableResultCode shutdown() { return CompletableResultCode.ofSuccess(); }
    };
  }
}
