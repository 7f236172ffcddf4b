package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real OpenTelemetry Java SDK and OTLP exporter as a client, over http/protobuf and http/json. */
class ITOpenTelemetrySdk {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"http/protobuf", "http/json"})
  void sdkSpansAreFoundWithModelTokensAndCost(String protocol) throws Exception {
    try (TestServer vigil = new TestServer(dir)) {
      OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
          .setEndpoint(vigil.base + "/v1/traces")
          .addHeader("Authorization", "Bearer " + TestServer.KEY)
          .setCompression("gzip");
      if (protocol.equals("http/json")) jsonEncoding(exporter);
      SdkTracerProvider provider = SdkTracerProvider.builder()
          .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "sdk-app")))
          .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
          .build();
      Tracer tracer = provider.get("vigil-it");

      Span request = tracer.spanBuilder("POST /ask").setSpanKind(SpanKind.SERVER)
          .setAttribute("session.id", "s-" + protocol).startSpan();
      String traceId = request.getSpanContext().getTraceId();
      try (Scope ignored = request.makeCurrent()) {
        tracer.spanBuilder("chat gpt-4o-mini").setSpanKind(SpanKind.CLIENT)
            .setAttribute("gen_ai.operation.name", "chat")
            .setAttribute("gen_ai.provider.name", "openai")
            .setAttribute("gen_ai.request.model", "gpt-4o-mini")
            .setAttribute("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
            .setAttribute("gen_ai.usage.input_tokens", 800L)
            .setAttribute("gen_ai.usage.output_tokens", 50L)
            .setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
            .startSpan().end();
      }
      request.end();
      assertThat(provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).as("export succeeded").isTrue();
      provider.shutdown().join(10, TimeUnit.SECONDS);
      vigil.flush();

      JsonNode trace = new ObjectMapper().readTree(vigil.get("/api/v1/traces/" + traceId, TestServer.KEY).body());
      JsonNode root = trace.get("tree").get(0);
      assertThat(root.get("name").asText()).isEqualTo("POST /ask");
      assertThat(root.get("service").asText()).isEqualTo("sdk-app");
      JsonNode llm = root.get("children").get(0).get("llm");
      assertThat(llm.get("response_model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(llm.get("usage").get("input_tokens").asLong()).isEqualTo(800);
      assertThat(llm.get("usage").get("output_tokens").asLong()).isEqualTo(50);
      assertThat(llm.get("finish_reasons").get(0).asText()).isEqualTo("stop");
      // gpt-4o-mini: $0.15 / 1M input, $0.60 / 1M output
      assertThat(llm.get("cost").get("total").asDouble()).isCloseTo(800 * 0.15e-6 + 50 * 0.6e-6, within(1e-12));
    }
  }

  /**
   * The Java exporter's public builder offers only protobuf; its JSON encoding (the one other SDKs use
   * for http/json) sits behind an internal switch, reached here so the SDK's own JSON marshaling is tested.
   */
  private static void jsonEncoding(OtlpHttpSpanExporterBuilder builder) throws ReflectiveOperationException {
    Field delegate = OtlpHttpSpanExporterBuilder.class.getDeclaredField("delegate");
    delegate.setAccessible(true);
    ((HttpExporterBuilder) delegate.get(builder)).exportAsJson();
  }
}
