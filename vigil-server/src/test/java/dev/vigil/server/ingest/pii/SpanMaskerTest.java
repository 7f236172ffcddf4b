package dev.vigil.server.ingest.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Content;
import dev.vigil.model.Document;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.PiiMode;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.model.SpanEvent;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanMaskerTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";
  private static final String EMAIL = "jane@corp.com";
  private static final PiiMasker MASK = PiiTexts.US;
  private final SpanMasker spans = new SpanMasker();

  private static Span.Builder base() {
    return Span.builder().traceId(TRACE).spanId(SPAN).name("chat gpt-4o").type(SpanType.LLM)
        .startEpochNanos(1_700_000_000_000_000_000L).serviceName("support-bot");
  }

  @Test
  void masksEveryTextField() {
    Message user = new Message("user", "I am " + EMAIL, "jane@corp.com-name",
        List.of(new ToolCall("call_1", "lookup", "{\"email\":\"" + EMAIL + "\"}")), "tc-1", null);
    Span span = base()
        .status(StatusCode.ERROR).statusMessage("no account for " + EMAIL).errorType("NotFound")
        .userId(EMAIL).sessionId("sess/" + EMAIL)
        .tags(List.of("vip", EMAIL)).metadata(Map.of("contact", EMAIL, "tier", "gold"))
        .llm(new LlmCall("chat", "openai", "gpt-4o", "gpt-4o-2024-08-06", null, null, List.of("stop"), null, false,
            "chatcmpl-1", Map.of("user", EMAIL, "temperature", 0.2)))
        .content(new Content(List.of(user), List.of(Message.of("assistant", "Mailed " + EMAIL)),
            List.of(new Document("doc-1", "Owner: " + EMAIL, 0.9, "{\"by\":\"" + EMAIL + "\"}")),
            "in " + EMAIL, "out " + EMAIL))
        .attributes(Map.of("app.note", "from " + EMAIL, "app.count", 3L,
            "app.list", List.of("a", EMAIL), "app.map", Map.of("nested", List.of(Map.of("deep", EMAIL)))))
        .resourceAttributes(Map.of("host.owner", EMAIL, "service.name", "support-bot"))
        .events(List.of(new SpanEvent("exception", 1L, Map.of("exception.message", "bad " + EMAIL))))
        .piiCounts(Map.of("email", 2, "ssn", 1))
        .build();

    Span m = spans.mask(span, MASK);

    assertThat(m.statusMessage()).isEqualTo("no account for [EMAIL]");
    assertThat(m.userId()).isEqualTo("[EMAIL]");
    assertThat(m.sessionId()).isEqualTo("sess/[EMAIL]");
    assertThat(m.tags()).containsExactly("vip", "[EMAIL]");
    assertThat(m.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("contact", "[EMAIL]", "tier", "gold"));
    assertThat(m.llm().requestParameters()).containsEntry("user", "[EMAIL]").containsEntry("temperature", 0.2);
    Message in = m.content().input().get(0);
    assertThat(in.content()).isEqualTo("I am [EMAIL]");
    assertThat(in.toolCalls().get(0)).isEqualTo(new ToolCall("call_1", "lookup", "{\"email\":\"[EMAIL]\"}"));
    assertThat(m.content().output().get(0).content()).isEqualTo("Mailed [EMAIL]");
    assertThat(m.content().documents().get(0)).isEqualTo(new Document("doc-1", "Owner: [EMAIL]", 0.9, "{\"by\":\"[EMAIL]\"}"));
    assertThat(m.content().inputValue()).isEqualTo("in [EMAIL]");
    assertThat(m.content().outputValue()).isEqualTo("out [EMAIL]");
    assertThat(m.attributes()).containsEntry("app.note", "from [EMAIL]").containsEntry("app.count", 3L)
        .containsEntry("app.list", List.of("a", "[EMAIL]"))
        .containsEntry("app.map", Map.of("nested", List.of(Map.of("deep", "[EMAIL]"))));
    assertThat(m.resourceAttributes()).containsEntry("host.owner", "[EMAIL]").containsEntry("service.name", "support-bot");
    assertThat(m.events().get(0).attributes()).containsEntry("exception.message", "bad [EMAIL]");
    // 18 found now, plus the 2 already counted
    assertThat(m.piiCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("email", 20, "ssn", 1));

    // left alone: ids, names, roles, enums, models, numbers
    assertThat(in.name()).isEqualTo("jane@corp.com-name");
    assertThat(in.role()).isEqualTo("user");
    assertThat(in.toolCallId()).isEqualTo("tc-1");
    assertThat(m.traceId()).isEqualTo(TRACE);
    assertThat(m.spanId()).isEqualTo(SPAN);
    assertThat(m.name()).isEqualTo("chat gpt-4o");
    assertThat(m.errorType()).isEqualTo("NotFound");
    assertThat(m.status()).isEqualTo(StatusCode.ERROR);
    assertThat(m.llm().requestModel()).isEqualTo("gpt-4o");
    assertThat(m.llm().provider()).isEqualTo("openai");
    assertThat(m.llm().responseId()).isEqualTo("chatcmpl-1");
    assertThat(m.events().get(0).name()).isEqualTo("exception");
    assertThat(m.content().documents().get(0).id()).isEqualTo("doc-1");
    assertThat(m.startEpochNanos()).isEqualTo(span.startEpochNanos());
  }

  @Test
  void attributeOrderIsKept() {
    var attrs = new java.util.LinkedHashMap<String, Object>();
    attrs.put("z", "plain");
    attrs.put("a", EMAIL);
    attrs.put("m", "plain");
    Span m = spans.mask(base().attributes(attrs).build(), MASK);
    assertThat(m.attributes().keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void cleanSpanIsReturnedAsIs() {
    Span span = base().userId("user-42").tags(List.of("beta"))
        .content(new Content(List.of(Message.of("user", "What is the capital of France?")),
            List.of(Message.of("assistant", "Paris.")), List.of(), null, null))
        .attributes(Map.of("gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", 12L))
        .piiCounts(Map.of("email", 1))
        .build();
    assertThat(spans.mask(span, MASK)).isSameAs(span);
  }

  @Test
  void realisticCleanSpanIsReturnedAsIs() {
    // the shapes the ingest benchmark sends: GenAI attributes, prompts, hex ids, versions, a user agent
    String session = "sess_17eadff448a86a0";
    Map<String, Object> attrs = new java.util.LinkedHashMap<>();
    attrs.put("gen_ai.operation.name", "chat");
    attrs.put("gen_ai.provider.name", "openai");
    attrs.put("gen_ai.request.model", "gpt-4o-mini");
    attrs.put("gen_ai.request.temperature", 0.2);
    attrs.put("gen_ai.request.max_tokens", 1024L);
    attrs.put("gen_ai.request.stream", true);
    attrs.put("gen_ai.conversation.id", session);
    attrs.put("gen_ai.agent.name", "support-bot");
    attrs.put("gen_ai.prompt.version", "v2");
    attrs.put("gen_ai.response.model", "gpt-4o-mini-2024-08-06");
    attrs.put("gen_ai.response.id", "chatcmpl-bxmnf05g2nuhzezqbu3yj2p4");
    attrs.put("gen_ai.response.finish_reasons", List.of("stop"));
    attrs.put("server.address", "api.openai.com");
    attrs.put("server.port", 443L);
    attrs.put("http.route", "/v1/chat");
    attrs.put("user_agent.original", "acme-web/5.2.1 (Macintosh; Intel Mac OS X 14_5)");
    attrs.put("otel.scope.name", "opentelemetry.instrumentation.openai_v2");
    attrs.put("otel.scope.version", "2.1b0");
    attrs.put("app.nested", Map.of("models", List.of("claude-sonnet-4-20250514", "gemini-2.5-flash")));
    Span span = base().userId("user_22f").sessionId(session).tags(List.of("beta", "eu-west-1"))
        .metadata(Map.of("tier", "gold", "release", "2.15.0"))
        .llm(new LlmCall("chat", "openai", "gpt-4o-mini", "gpt-4o-mini-2024-08-06", null, null, List.of("stop"), null,
            true, "chatcmpl-1", Map.of("top_p", 0.95, "seed", 42L, "stop", List.of("###"))))
        .content(new Content(
            List.of(Message.of("system", "You are a support assistant. Answer about billing, login and the password reset."),
                Message.of("user", "My invoice shows two seats but we rotated the api token last week. Why?")),
            List.of(Message.of("assistant", "Seats are billed monthly; rotating a token or key does not change the plan.")),
            List.of(), null, null))
        .attributes(attrs)
        .resourceAttributes(Map.of("service.name", "support-api", "service.version", "2.15.0",
            "deployment.environment.name", "production", "telemetry.sdk.language", "python"))
        .events(List.of(new SpanEvent("gen_ai.choice", 2L, Map.of("index", 0L, "finish_reason", "stop"))))
        .build();
    assertThat(spans.mask(span, MASK)).isSameAs(span);
  }

  @Test
  void everyKindIsMaskedInEveryKindOfField() {
    Span span = base()
        .statusMessage("card 4111 1111 1111 1111 declined")
        .userId("jane@corp.com").sessionId("10.0.0.7")
        .tags(List.of("vip", "+1 415-555-2671"))
        .metadata(Map.of("ssn", "123-45-6789", "tier", "gold"))
        .llm(new LlmCall("chat", "openai", "gpt-4o", "gpt-4o", null, null, List.of("stop"), null, false, "chatcmpl-1",
            Map.of("user", "DE89370400440532013000")))
        .content(new Content(
            List.of(new Message("user", "my key is sk-proj-Ab3dEf5hIj7kLm9nOp1qRs3tUv5wXy7z, rotate it", null,
                List.of(new ToolCall("call_1", "login", "{\"password\":\"hunter2\"}")), null, null)),
            List.of(Message.of("assistant", "Use AKIAIOSFODNN7EXAMPLE from fe80::1")),
            List.of(new Document("doc-1", "GB82 WEST 1234 5698 7654 32", 0.5, "{\"token\":\"xoxb-1234567890\"}")),
            "Authorization: Bearer abc123def456", "postgres://app:s3cr3t@db.internal/x"))
        .attributes(Map.of("app.list", List.of("ok", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
            "app.map", Map.of("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig")))
        .resourceAttributes(Map.of("host.ip", "2001:db8::7"))
        .events(List.of(new SpanEvent("exception", 1L, Map.of("exception.message", "api_key: abc123"))))
        .build();

    Span m = spans.mask(span, MASK);

    assertThat(m.statusMessage()).isEqualTo("card [CARD] declined");
    assertThat(m.userId()).isEqualTo("[EMAIL]");
    assertThat(m.sessionId()).isEqualTo("[IP]");
    assertThat(m.tags()).containsExactly("vip", "[PHONE]");
    assertThat(m.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("ssn", "[SSN]", "tier", "gold"));
    assertThat(m.llm().requestParameters()).containsExactly(Map.entry("user", "[IBAN]"));
    Message in = m.content().input().get(0);
    assertThat(in.content()).isEqualTo("my key is [SECRET], rotate it");
    assertThat(in.toolCalls().get(0).arguments()).isEqualTo("{\"password\":\"[SECRET]\"}");
    assertThat(m.content().output().get(0).content()).isEqualTo("Use [SECRET] from [IP]");
    assertThat(m.content().documents().get(0)).isEqualTo(new Document("doc-1", "[IBAN]", 0.5, "{\"token\":\"[SECRET]\"}"));
    assertThat(m.content().inputValue()).isEqualTo("Authorization: Bearer [SECRET]");
    assertThat(m.content().outputValue()).isEqualTo("postgres://app:[SECRET]@db.internal/x");
    assertThat(m.attributes()).containsEntry("app.list", List.of("ok", "[SECRET]"))
        .containsEntry("app.map", Map.of("jwt", "[SECRET]"));
    assertThat(m.resourceAttributes()).containsEntry("host.ip", "[IP]");
    assertThat(m.events().get(0).attributes()).containsEntry("exception.message", "api_key: [SECRET]");
    assertThat(m.piiCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("card", 1, "email", 1, "ip", 3, "phone", 1,
        "ssn", 1, "iban", 2, "secret", 9));
  }

  @Test
  void offReturnsTheSpanUntouched() {
    Span span = base().userId(EMAIL).build();
    assertThat(spans.mask(span, new PiiMasker(PiiMode.OFF, List.of(), "US", null))).isSameAs(span);
  }

  @Test
  void hashModeInSpans() {
    Span span = base().userId(EMAIL).sessionId(EMAIL).build();
    Span m = spans.mask(span, new PiiMasker(PiiMode.HASH, List.of(), "US", new byte[] {1, 2, 3}));
    assertThat(m.userId()).matches("\\[EMAIL:[0-9a-f]{12}]").isEqualTo(m.sessionId());
  }

  @Test
  void attachments() {
    SpanAttachment a = new SpanAttachment(TRACE, SPAN, 5L, "gen_ai.user.message",
        List.of(Message.of("user", "call me at (415) 555-2671")),
        List.of(Message.of("assistant", "ok")),
        Map.of("event.note", "card 4111 1111 1111 1111", "n", 1L), Map.of("phone", 1));
    SpanAttachment m = spans.mask(a, MASK);
    assertThat(m.input().get(0).content()).isEqualTo("call me at [PHONE]");
    assertThat(m.output().get(0)).isSameAs(a.output().get(0));
    assertThat(m.attributes()).containsEntry("event.note", "card [CARD]").containsEntry("n", 1L);
    assertThat(m.piiCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("phone", 2, "card", 1));
    assertThat(m.eventName()).isEqualTo("gen_ai.user.message");
    assertThat(m.traceId()).isEqualTo(TRACE);

    SpanAttachment clean = new SpanAttachment(TRACE, SPAN, 5L, "gen_ai.choice", List.of(),
        List.of(Message.of("assistant", "Paris.")), Map.of(), Map.of());
    assertThat(spans.mask(clean, MASK)).isSameAs(clean);
  }
}
