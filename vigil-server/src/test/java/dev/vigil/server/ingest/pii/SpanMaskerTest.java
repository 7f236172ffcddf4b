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
