package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.START;
import static dev.vigil.server.ingest.otlp.ProtoSpans.id;
import static dev.vigil.server.ingest.otlp.ProtoSpans.one;
import static dev.vigil.server.ingest.otlp.ProtoSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceNormalizerTest {
  private static final String ROOT = "1000000000000001";
  private static final String CHILD = "1000000000000002";
  private static final String GRANDCHILD = "1000000000000003";

  private static Span byId(NormalizedTraces result, String spanId) {
    return result.spans().stream().filter(s -> s.spanId().equals(spanId)).findFirst().orElseThrow();
  }

  @Test
  void protobufRoundTrip() {
    io.opentelemetry.proto.trace.v1.Span.Builder llm = span(CHILD, ROOT,
        "gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai", "gen_ai.request.model", "gpt-4o",
        "gen_ai.usage.input_tokens", 10L, "gen_ai.usage.output_tokens", 5L,
        "gen_ai.input.messages", List.of(Map.of("role", "user", "parts", List.of(Map.of("type", "text", "content", "hi")))))
        .setKind(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT)
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK));
    ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ProtoSpans.resource(Map.of("service.name", "shop"), span(ROOT, null), llm).toBuilder()
            .setScopeSpans(0, ScopeSpans.newBuilder(ProtoSpans.resource(Map.of(), span(ROOT, null), llm).getScopeSpans(0))
                .setScope(InstrumentationScope.newBuilder().setName("my-lib").setVersion("1.0"))))
        .build();

    ExportTraceServiceRequest parsed = OtlpDecoding.parseTracesProtobuf(request.toByteArray());
    NormalizedTraces result = new TraceNormalizer().normalize(parsed, null);

    assertThat(result.rejectedSpans()).isZero();
    Span s = byId(result, CHILD);
    assertThat(s.traceId()).isEqualTo(ProtoSpans.TRACE);
    assertThat(s.parentSpanId()).isEqualTo(ROOT);
    assertThat(s.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(s.status()).isEqualTo(StatusCode.OK);
    assertThat(s.type()).isEqualTo(SpanType.LLM);
    assertThat(s.serviceName()).isEqualTo("shop");
    assertThat(s.feature()).isEqualTo("shop");
    assertThat(s.llm().model()).isEqualTo("gpt-4o");
    assertThat(s.llm().usage().total()).isEqualTo(15L);
    assertThat(s.content().input()).containsExactly(Message.of("user", "hi"));
    assertThat(s.attributes()).containsEntry("otel.scope.name", "my-lib").doesNotContainKey("gen_ai.input.messages");
    assertThat(s.startEpochNanos()).isEqualTo(START);
  }

  @Test
  void badSpansAreRejectedAloneAndNamed() {
    NormalizedTraces result = ProtoSpans.normalize(
        span(ROOT, null).setName("good root"),
        span("2000000000000001", null).setName("short trace").setTraceId(ByteString.copyFrom(new byte[12])),
        span("2000000000000002", null).setName("zero trace").setTraceId(ByteString.copyFrom(new byte[16])),
        span("2000000000000003", null).setName("short span").setSpanId(id("01020304")),
        span("2000000000000004", null).setName("bad parent").setParentSpanId(id("010203")),
        span("2000000000000005", null).setName("no start").setStartTimeUnixNano(0),
        span("2000000000000006", null).setName("backwards").setEndTimeUnixNano(START - 1),
        span("2000000000000007", null).setName("no trace").clearTraceId(),
        span(CHILD, ROOT).setName("good child"));

    assertThat(result.spans()).extracting(Span::name).containsExactly("good root", "good child");
    assertThat(result.rejectedSpans()).isEqualTo(7);
    assertThat(result.errors()).containsExactly(
        "resourceSpans[0].scopeSpans[0].spans[1] 'short trace': traceId must be 16 bytes, got 12",
        "resourceSpans[0].scopeSpans[0].spans[2] 'zero trace': traceId must not be all zeros",
        "resourceSpans[0].scopeSpans[0].spans[3] 'short span': spanId must be 8 bytes, got 4",
        "resourceSpans[0].scopeSpans[0].spans[4] 'bad parent': parentSpanId must be 8 bytes, got 3",
        "resourceSpans[0].scopeSpans[0].spans[5] 'no start': startTimeUnixNano is missing",
        "resourceSpans[0].scopeSpans[0].spans[6] 'backwards': endTimeUnixNano " + (START - 1)
            + " is before startTimeUnixNano " + START,
        "resourceSpans[0].scopeSpans[0].spans[7] 'no trace': traceId must be 16 bytes, got 0");
  }

  @Test
  void errorMessagesAreCappedButAllRejectionsCounted() {
    io.opentelemetry.proto.trace.v1.Span.Builder[] spans = new io.opentelemetry.proto.trace.v1.Span.Builder[25];
    for (int i = 0; i < spans.length; i++) spans[i] = span(ROOT, null).setStartTimeUnixNano(0);
    NormalizedTraces result = ProtoSpans.normalize(spans);
    assertThat(result.rejectedSpans()).isEqualTo(25);
    assertThat(result.errors()).hasSize(Rejections.MAX_MESSAGES);
  }

  @Test
  void allZeroParentMeansRoot() {
    Span s = ProtoSpans.normalize(span(ROOT, "0000000000000000")).spans().get(0);
    assertThat(s.isRoot()).isTrue();
  }

  @Test
  void descendantsInheritContextFromTheirAncestors() {
    NormalizedTraces result = ProtoSpans.normalize(
        span(GRANDCHILD, CHILD, "user.id", "override", "gen_ai.prompt.version", "9"), // sent before its parents
        span(CHILD, ROOT, "gen_ai.request.model", "gpt-4o"),
        span(ROOT, null, "user.id", "u1", "session.id", "s1", "vigil.feature", "checkout",
            "gen_ai.prompt.name", "greet", "gen_ai.prompt.version", "2", "deployment.environment.name", "prod"),
        span("2000000000000009", "3000000000000000")); // parent not in this request

    Span child = byId(result, CHILD);
    assertThat(child.userId()).isEqualTo("u1");
    assertThat(child.sessionId()).isEqualTo("s1");
    assertThat(child.feature()).isEqualTo("checkout");
    assertThat(child.promptName()).isEqualTo("greet");
    assertThat(child.promptVersion()).isEqualTo("2");
    assertThat(child.environment()).isEqualTo("prod");

    Span grandchild = byId(result, GRANDCHILD);
    assertThat(grandchild.userId()).isEqualTo("override");
    assertThat(grandchild.sessionId()).isEqualTo("s1");
    // its own prompt version is not paired with the ancestor's prompt name
    assertThat(grandchild.promptName()).isNull();
    assertThat(grandchild.promptVersion()).isEqualTo("9");

    Span orphan = byId(result, "2000000000000009");
    assertThat(orphan.userId()).isNull();
    assertThat(orphan.feature()).isEqualTo("svc");
  }

  @Test
  void parentCyclesDoNotHang() {
    NormalizedTraces result = ProtoSpans.normalize(
        span(ROOT, CHILD, "user.id", "a"), span(CHILD, ROOT), span(GRANDCHILD, CHILD));
    assertThat(result.spans()).hasSize(3);
    assertThat(byId(result, ROOT).userId()).isEqualTo("a");
  }

  @Test
  void spanAttributesWinOverResourceAttributes() {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ProtoSpans.resource(Map.of("service.name", "api", "service.version", "2.0",
                "deployment.environment", "staging", "user.id", "resource-user", "app.feature", "search"),
            span(ROOT, null, "deployment.environment.name", "prod"),
            span(CHILD, null, "user.id", "span-user", "app.feature", "answers")))
        .build();
    NormalizedTraces result = new TraceNormalizer().normalize(request, "app.feature");
    Span root = byId(result, ROOT);
    assertThat(root.environment()).isEqualTo("prod");
    assertThat(root.userId()).isEqualTo("resource-user");
    assertThat(root.feature()).isEqualTo("search");
    assertThat(root.release()).isEqualTo("2.0");
    Span other = byId(result, CHILD);
    assertThat(other.userId()).isEqualTo("span-user");
    assertThat(other.feature()).isEqualTo("answers");
    assertThat(other.environment()).isEqualTo("staging");
    assertThat(other.resourceAttributes()).containsEntry("user.id", "resource-user");
  }

  @Test
  void errorsComeFromErrorTypeOrTheExceptionEvent() {
    io.opentelemetry.proto.trace.v1.Span.Event exception = io.opentelemetry.proto.trace.v1.Span.Event.newBuilder()
        .setName("exception").setTimeUnixNano(START + 5)
        .addAllAttributes(ProtoSpans.kvs("exception.type", "TimeoutError", "exception.message", "timed out"))
        .build();
    Status error = Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).build();
    NormalizedTraces result = ProtoSpans.normalize(
        span(ROOT, null).setStatus(error).addEvents(exception),
        span(CHILD, null, "error.type", "429").setStatus(error.toBuilder().setMessage("rate limited")).addEvents(exception));

    Span fromEvent = byId(result, ROOT);
    assertThat(fromEvent.isError()).isTrue();
    assertThat(fromEvent.errorType()).isEqualTo("TimeoutError");
    assertThat(fromEvent.statusMessage()).isEqualTo("timed out");
    assertThat(fromEvent.events()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("exception");
      assertThat(e.epochNanos()).isEqualTo(START + 5);
      assertThat(e.attributes()).containsEntry("exception.type", "TimeoutError");
    });
    Span fromAttribute = byId(result, CHILD);
    assertThat(fromAttribute.errorType()).isEqualTo("429");
    assertThat(fromAttribute.statusMessage()).isEqualTo("rate limited");
  }

  @Test
  void contentIsNotKeptTwiceAsRawAttributes() {
    Span s = one("gen_ai.prompt.0.role", "user", "gen_ai.prompt.0.content", "hi", "gen_ai.prompt.name", "p",
        "gen_ai.completion.0.content", "hello", "llm.input_messages.0.message.content", "hi",
        "input.value", "{}", "output.value", "x", "retrieval.documents.0.document.content", "d",
        "gen_ai.request.model", "m", "custom.key", 1L, "gen_ai.system_instructions", "be nice");
    assertThat(s.attributes()).containsOnlyKeys("gen_ai.prompt.name", "gen_ai.request.model", "custom.key");
    assertThat(s.attributes()).containsEntry("custom.key", 1L);
  }

  @Test
  void contentEventsBecomeMessagesAndOtherEventsAreKept() {
    io.opentelemetry.proto.trace.v1.Span.Builder b = span(ROOT, null, "gen_ai.request.model", "m");
    b.addEvents(event("gen_ai.user.message", "content", "hello"));
    b.addEvents(event("gen_ai.tool.message", "content", "42", "id", "call_1"));
    b.addEvents(event("gen_ai.choice", "index", 0L, "finish_reason", "length",
        "message", Map.of("role", "assistant", "content", "hi"),
        "tool_calls", List.of(Map.of("id", "c2", "type", "function",
            "function", Map.of("name", "f", "arguments", "{}")))));
    b.addEvents(event("cache.hit", "key", "abc"));
    Span s = ProtoSpans.normalize(b).spans().get(0);

    assertThat(s.content().input()).containsExactly(Message.of("user", "hello"),
        new Message("tool", "42", null, List.of(), "call_1", null));
    assertThat(s.content().output()).singleElement().satisfies(m -> {
      assertThat(m.content()).isEqualTo("hi");
      assertThat(m.finishReason()).isEqualTo("length");
      assertThat(m.toolCalls()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("f"));
    });
    assertThat(s.llm().finishReasons()).containsExactly("length");
    assertThat(s.events()).extracting(e -> e.name()).containsExactly("cache.hit");
  }

  private static io.opentelemetry.proto.trace.v1.Span.Event event(String name, Object... keyValues) {
    return io.opentelemetry.proto.trace.v1.Span.Event.newBuilder().setName(name).setTimeUnixNano(START)
        .addAllAttributes(ProtoSpans.kvs(keyValues)).build();
  }
}
