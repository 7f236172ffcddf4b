package dev.vigil.storage.tests;

import dev.vigil.model.Content;
import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.Document;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanEvent;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.ToolCall;
import dev.vigil.model.Usage;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Realistic spans for the contract tests: a request with retrieval, tool and LLM children. */
public final class TestObjects {
  /** 2026-11-22T10:00:00Z: tests place data around this instant. */
  public static final long T0 = 1_795_428_000_000_000_000L;
  public static final long SECOND = 1_000_000_000L;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;

  private TestObjects() {}

  public static String traceId() {
    return HexFormat.of().formatHex(randomBytes(16));
  }

  public static String spanId() {
    return HexFormat.of().formatHex(randomBytes(8));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    do {
      ThreadLocalRandom.current().nextBytes(b);
    } while (b[0] == 0);
    return b;
  }

  /** A root request span. */
  public static Span.Builder root(String traceId, long start, String feature) {
    return Span.builder().traceId(traceId).spanId(spanId()).name("POST /chat").kind(SpanKind.SERVER)
        .type(SpanType.CHAIN).startEpochNanos(start).endEpochNanos(start + 2 * SECOND)
        .status(StatusCode.OK).serviceName("support-api").feature(feature).userId("user-1")
        .sessionId("session-1").tags(List.of("beta", "eu")).metadata(Map.of("tenant", "acme"))
        .environment("production").release("2026.11.2")
        .content(new Content(List.of(), List.of(), List.of(), "How do I reset my password?", "Open Settings…"));
  }

  /** An LLM call: gpt-4o by default, 1200 in / 300 out tokens, priced. */
  public static Span.Builder llm(String traceId, String parentId, long start, String model) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("gen_ai.request.temperature", 0.2);
    attributes.put("gen_ai.request.max_tokens", 1024L);
    attributes.put("server.address", "api.openai.com");
    attributes.put("gen_ai.response.finish_reasons", List.of("stop"));
    attributes.put("custom.nested", Map.of("a", 1L, "b", List.of(true, "x")));
    LlmCall call = new LlmCall("chat", "openai", model, model + "-2024-08-06",
        new Usage(1200L, 300L, 200L, null, null, false),
        new Cost(0.0025, 0.003, 0.00025, null, null, 0.00575, CostSource.TABLE),
        List.of("stop"), 180_000_000L, true, "chatcmpl-123", Map.of("temperature", 0.2));
    return Span.builder().traceId(traceId).spanId(spanId()).parentSpanId(parentId).name("chat " + model)
        .kind(SpanKind.CLIENT).type(SpanType.LLM).startEpochNanos(start).endEpochNanos(start + 1500_000_000L)
        .status(StatusCode.OK).serviceName("support-api").feature("support-chat").userId("user-1")
        .sessionId("session-1").promptName("support-answer").promptVersion("v2").environment("production")
        .llm(call)
        .content(new Content(
            List.of(Message.of("system", "You are a helpful support agent."),
                Message.of("user", "How do I reset my password? My email is [EMAIL].")),
            List.of(new Message("assistant", "Open Settings, then Security, then Reset password.", null,
                List.of(new ToolCall("call_1", "lookup_account", "{\"user\":\"user-1\"}")), null, "stop")),
            List.of(), null, null))
        .attributes(attributes)
        .resourceAttributes(Map.of("service.name", "support-api", "host.name", "pod-7"))
        .events(List.of(new SpanEvent("gen_ai.content.filter", start + 1000, Map.of("verdict", "allow"))))
        .piiCounts(Map.of("email", 1));
  }

  /** A retrieval step with documents. */
  public static Span.Builder retrieval(String traceId, String parentId, long start) {
    return Span.builder().traceId(traceId).spanId(spanId()).parentSpanId(parentId).name("retrieval kb")
        .kind(SpanKind.CLIENT).type(SpanType.RETRIEVAL).startEpochNanos(start).endEpochNanos(start + 80_000_000L)
        .serviceName("support-api").feature("support-chat")
        .content(new Content(List.of(), List.of(),
            List.of(new Document("kb-12", "To reset your password open Settings.", 0.91, "{\"source\":\"kb\"}")),
            "reset password", null));
  }

  /** A whole trace: root, retrieval, LLM call. Returns [root, retrieval, llm]. */
  public static List<Span> trace(long start, String feature, String model) {
    String traceId = traceId();
    Span root = root(traceId, start, feature).build();
    Span retrieval = retrieval(traceId, root.spanId(), start + 10_000_000L).feature(feature).build();
    Span llm = llm(traceId, root.spanId(), start + 100_000_000L, model).feature(feature).build();
    return List.of(root, retrieval, llm);
  }
}
