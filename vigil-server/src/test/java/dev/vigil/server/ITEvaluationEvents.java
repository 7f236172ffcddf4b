package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTelemetry gen_ai.evaluation.result events become scores: from the real SDK as a span event and
 * as a log record, and from an OTLP/protobuf logs request sent twice (no duplicate) or malformed (reported).
 */
class ITEvaluationEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void sdkSpanEventsAndLogRecordsBecomeEvalScores() throws Exception {
    try (TestServer vigil = new TestServer(dir)) {
      Resource resource = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "eval-app"));
      SdkTracerProvider traces = SdkTracerProvider.builder().setResource(resource)
          .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
              .setEndpoint(vigil.base + "/v1/traces").addHeader("Authorization", "Bearer " + TestServer.KEY).build()).build())
          .build();
      SdkLoggerProvider logs = SdkLoggerProvider.builder().setResource(resource)
          .addLogRecordProcessor(BatchLogRecordProcessor.builder(OtlpHttpLogRecordExporter.builder()
              .setEndpoint(vigil.base + "/v1/logs").addHeader("Authorization", "Bearer " + TestServer.KEY).build()).build())
          .build();
      Tracer tracer = traces.get("vigil-it");
      Logger logger = logs.get("vigil-it");

      Span request = tracer.spanBuilder("POST /ask").setSpanKind(SpanKind.SERVER).startSpan();
      String traceId = request.getSpanContext().getTraceId();
      String chatSpanId;
      try (Scope ignored = request.makeCurrent()) {
        Span chat = tracer.spanBuilder("chat gpt-4o").setSpanKind(SpanKind.CLIENT)
            .setAttribute("gen_ai.operation.name", "chat").setAttribute("gen_ai.request.model", "gpt-4o")
            .setAttribute("gen_ai.response.id", "chatcmpl-42").startSpan();
        chatSpanId = chat.getSpanContext().getSpanId();
        chat.addEvent("gen_ai.evaluation.result", Attributes.builder()
            .put("gen_ai.evaluation.name", "Relevance").put("gen_ai.evaluation.score.value", 4.0)
            .put("gen_ai.evaluation.score.label", "relevant")
            .put("gen_ai.evaluation.explanation", "The answer addresses the question.")
            .put("gen_ai.response.id", "chatcmpl-42").build());
        chat.end();
        // the recommended form: a log-based event in the context of the evaluated span
        logger.logRecordBuilder().setContext(Context.current().with(chat)).setEventName("gen_ai.evaluation.result")
            .setAttribute(AttributeKey.stringKey("gen_ai.evaluation.name"), "IntentResolution")
            .setAttribute(AttributeKey.stringKey("gen_ai.evaluation.score.label"), "resolved")
            .emit();
      }
      request.end();
      assertThat(traces.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(logs.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
      traces.shutdown().join(10, TimeUnit.SECONDS);
      logs.shutdown().join(10, TimeUnit.SECONDS);
      vigil.flush();

      JsonNode scores = JSON.readTree(vigil.get("/api/v1/traces/" + traceId, TestServer.KEY).body()).get("scores");
      assertThat(scores).hasSize(2);
      JsonNode relevance = find(scores, "Relevance");
      assertThat(relevance.get("value").asDouble()).isEqualTo(4.0);
      assertThat(relevance.get("label").asText()).isEqualTo("relevant");
      assertThat(relevance.get("source").asText()).isEqualTo("eval");
      assertThat(relevance.get("data_type").asText()).isEqualTo("numeric");
      assertThat(relevance.get("span_id").asText()).isEqualTo(chatSpanId);
      assertThat(relevance.get("comment").asText()).isEqualTo("The answer addresses the question.");
      assertThat(relevance.get("metadata").get("origin").asText()).isEqualTo("otel");
      assertThat(relevance.get("metadata").get("otel.signal").asText()).isEqualTo("span_event");
      assertThat(relevance.get("metadata").get("gen_ai.response.id").asText()).isEqualTo("chatcmpl-42");
      JsonNode intent = find(scores, "IntentResolution");
      assertThat(intent.get("data_type").asText()).isEqualTo("categorical");
      assertThat(intent.get("label").asText()).isEqualTo("resolved");
      assertThat(intent.get("span_id").asText()).isEqualTo(chatSpanId);
      assertThat(intent.get("metadata").get("otel.signal").asText()).isEqualTo("log");
    }
  }

  @Test
  void aResentBatchStoresNothingTwiceAndABadEventIsReported() throws Exception {
    try (TestServer vigil = new TestServer(dir)) {
      String traceId = OtlpFixtures.randomHex(16);
      long now = System.currentTimeMillis() * 1_000_000L;
      LogRecord good = LogRecord.newBuilder().setEventName("gen_ai.evaluation.result").setTimeUnixNano(now)
          .setTraceId(OtlpFixtures.bytes(traceId))
          .addAttributes(OtlpFixtures.kv("gen_ai.evaluation.name", "Groundedness"))
          .addAttributes(KeyValue.newBuilder().setKey("gen_ai.evaluation.score.value")
              .setValue(AnyValue.newBuilder().setDoubleValue(0.5)))
          .build();
      LogRecord nameless = good.toBuilder().clearAttributes()
          .addAttributes(OtlpFixtures.kv("gen_ai.evaluation.score.label", "pass")).build();
      LogRecord noTrace = good.toBuilder().clearTraceId().build();
      ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
          .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(good).addLogRecords(nameless).addLogRecords(noTrace))).build();
      for (int i = 0; i < 2; i++) {
        var r = vigil.postBytes("/v1/logs", TestServer.KEY, "application/x-protobuf", request.toByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        ExportLogsServiceResponse response = ExportLogsServiceResponse.parseFrom(r.body());
        assertThat(response.getPartialSuccess().getRejectedLogRecords()).isEqualTo(2);
        assertThat(response.getPartialSuccess().getErrorMessage())
            .contains("gen_ai.evaluation.name is required").contains("needs the trace id");
      }
      vigil.flush();
      JsonNode scores = JSON.readTree(vigil.get("/api/v1/traces/" + traceId, TestServer.KEY).body()).path("scores");
      // the trace has no spans, so the trace endpoint 404s: read the score through the SQL console instead
      var sql = vigil.json("POST", "/api/v1/sql", TestServer.KEY,
          "{\"query\":\"SELECT name, value, source, span_id FROM scores WHERE trace_id = '" + traceId + "'\"}");
      assertThat(sql.statusCode()).as(sql.body()).isEqualTo(200);
      JsonNode rows = JSON.readTree(sql.body()).get("rows");
      assertThat(rows).as(sql.body()).hasSize(1);
      assertThat(rows.get(0).toString()).contains("Groundedness").contains("0.5").contains("eval");
      assertThat(scores.isMissingNode() || scores.isEmpty()).isTrue();
    }
  }

  private static JsonNode find(JsonNode scores, String name) {
    for (JsonNode s : scores) if (s.get("name").asText().equals(name)) return s;
    throw new AssertionError("no score " + name + " in " + scores);
  }
}
