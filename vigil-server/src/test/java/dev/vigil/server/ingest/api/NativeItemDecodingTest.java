package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.ChangeType;
import dev.vigil.model.CostSource;
import dev.vigil.model.Document;
import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.ToolCall;
import dev.vigil.model.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeItemDecodingTest {

  @Test
  void traceItemBecomesRootSpan() {
    NativeBatch b = decodeItems("""
        {"type":"trace","trace_id":"%s","name":"support-chat","start_time":"%s",
         "end_time":"2026-11-22T10:00:02.123Z","user_id":"u1","session_id":"s1","feature":"support",
         "tags":["beta","beta","vip"],"metadata":{"k":"v","n":3,"o":{"a":[1]}},"input":"hi","output":{"answer":42},
         "status":"ok","status_message":"fine","environment":"prod","release":"2026.11.2","service_name":"chat-api"}
        """.formatted(TRACE, T0));
    assertThat(b.results()).containsExactly(ItemResult.created(0, "trace", NativeIds.rootSpanId(TRACE)));
    Span s = b.spans().get(0);
    assertThat(s.traceId()).isEqualTo(TRACE);
    assertThat(s.spanId()).isEqualTo(NativeIds.rootSpanId(TRACE));
    assertThat(s.isRoot()).isTrue();
    assertThat(s.name()).isEqualTo("support-chat");
    assertThat(s.type()).isEqualTo(SpanType.OTHER);
    assertThat(s.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(s.startEpochNanos()).isEqualTo(T0_NANOS);
    assertThat(s.durationNanos()).isEqualTo(2_000_000_000L);
    assertThat(s.userId()).isEqualTo("u1");
    assertThat(s.sessionId()).isEqualTo("s1");
    assertThat(s.feature()).isEqualTo("support");
    assertThat(s.serviceName()).isEqualTo("chat-api");
    assertThat(s.tags()).containsExactly("beta", "vip");
    assertThat(s.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("k", "v", "n", "3", "o", "{\"a\":[1]}"));
    assertThat(s.content().inputValue()).isEqualTo("hi");
    assertThat(s.content().outputValue()).isEqualTo("{\"answer\":42}");
    assertThat(s.status()).isEqualTo(StatusCode.OK);
    assertThat(s.statusMessage()).isEqualTo("fine");
    assertThat(s.environment()).isEqualTo("prod");
    assertThat(s.release()).isEqualTo("2026.11.2");
    assertThat(s.llm()).isNull();
  }

  @Test
  void llmSpanDecodesCallUsageCostAndMessages() {
    NativeBatch b = decodeItems(span("""
        ,"parent_span_id":"b7ad6b7169203331","span_type":"LLM","end_time":"2026-11-22T10:00:01.123Z",
         "model":"gpt-4o","response_model":"gpt-4o-2024-08-06","provider":" OpenAI ","response_id":"chatcmpl-1",
         "input_messages":[{"role":"System","content":"be brief"},{"role":"user","content":"weather?"},
           {"role":"developer","content":"x"}],
         "output_messages":[{"role":"assistant","content":null,"finish_reason":"tool_calls",
           "tool_calls":[{"id":"call_1","name":"get_weather","arguments":{"city":"Oslo"}}]},
           {"role":"tool","content":"12C","tool_call_id":"call_1","name":"get_weather"}],
         "usage":{"input_tokens":100,"output_tokens":20,"cache_read_tokens":60,"cache_write_tokens":10,"reasoning_tokens":5},
         "cost":{"input":0.001,"output":0.0002},
         "finish_reason":"stop","time_to_first_token_ms":120.5,"stream":true,
         "parameters":{"temperature":0.2,"max_tokens":256,"stop":["\\n"],"ignored":null},
         "prompt_name":"triage","prompt_version":"v2","error_type":"timeout","status":"error",
         "attributes":{"a.str":"x","a.int":7,"a.float":1.5,"a.bool":true,"a.list":[1,"two",null],"a.map":{"k":1},"a.null":null}
        """));
    assertThat(b.results().get(0).ok()).isTrue();
    Span s = b.spans().get(0);
    assertThat(s.parentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(s.type()).isEqualTo(SpanType.LLM);
    assertThat(s.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(s.status()).isEqualTo(StatusCode.ERROR);
    assertThat(s.errorType()).isEqualTo("timeout");
    assertThat(s.promptName()).isEqualTo("triage");
    assertThat(s.promptVersion()).isEqualTo("v2");
    LlmCall llm = s.llm();
    assertThat(llm.operation()).isEqualTo("chat");
    assertThat(llm.provider()).isEqualTo("openai");
    assertThat(llm.requestModel()).isEqualTo("gpt-4o");
    assertThat(llm.responseModel()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(llm.responseId()).isEqualTo("chatcmpl-1");
    assertThat(llm.usage()).isEqualTo(new Usage(100L, 20L, 60L, 10L, 5L, false));
    assertThat(llm.cost().source()).isEqualTo(CostSource.REPORTED);
    assertThat(llm.cost().input()).isEqualTo(0.001);
    assertThat(llm.cost().total()).isEqualTo(0.0012, offset(1e-12));
    assertThat(llm.finishReasons()).containsExactly("stop");
    assertThat(llm.timeToFirstTokenNanos()).isEqualTo(120_500_000L);
    assertThat(llm.streaming()).isTrue();
    assertThat(llm.requestParameters()).containsOnlyKeys("temperature", "max_tokens", "stop");
    assertThat(llm.requestParameters().get("max_tokens")).isEqualTo(256L);
    assertThat(llm.requestParameters().get("stop")).isEqualTo(List.of("\n"));
    assertThat(s.content().input()).containsExactly(
        Message.of("system", "be brief"), Message.of("user", "weather?"), Message.of("developer", "x"));
    assertThat(s.content().output()).containsExactly(
        new Message("assistant", null, null, List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}")),
            null, "tool_calls"),
        new Message("tool", "12C", "get_weather", List.of(), "call_1", null));
    assertThat(s.attributes()).containsExactly(
        Map.entry("a.str", "x"), Map.entry("a.int", 7L), Map.entry("a.float", 1.5), Map.entry("a.bool", true),
        Map.entry("a.list", List.of(1L, "two")), Map.entry("a.map", Map.of("k", 1L)));
  }

  @Test
  void modelImpliesLlmTypeOperationAndName() {
    Span s = decodeItems("""
        {"type":"span","trace_id":"t","span_id":"s","start_time":"%s","model":"gpt-4o"}""".formatted(T0)).spans().get(0);
    assertThat(s.type()).isEqualTo(SpanType.LLM);
    assertThat(s.name()).isEqualTo("chat gpt-4o");
    assertThat(s.llm().usage()).isEqualTo(Usage.NONE);
    assertThat(s.llm().cost().source()).isEqualTo(CostSource.NONE);

    Span e = decodeItems(span(",\"span_type\":\"embedding\"")).spans().get(0);
    assertThat(e.llm().operation()).isEqualTo("embeddings");
    Span tool = decodeItems(span(",\"span_type\":\"tool\",\"input\":\"{\\\"q\\\":1}\"")).spans().get(0);
    assertThat(tool.llm()).isNull();
    assertThat(tool.content().inputValue()).isEqualTo("{\"q\":1}");
    Span reranker = decodeItems(span(",\"span_type\":\"reranker\",\"provider\":\"cohere\"")).spans().get(0);
    assertThat(reranker.llm().provider()).isEqualTo("cohere");
    assertThat(reranker.llm().operation()).isNull();
  }

  @Test
  void costTotalWinsOverParts() {
    Span s = decodeItems(span(",\"cost\":{\"total\":0.5,\"input\":0.1}")).spans().get(0);
    assertThat(s.llm().cost().total()).isEqualTo(0.5);
    assertThat(s.llm().cost().output()).isNull();
  }

  @Test
  void retrievalSpanKeepsDocuments() {
    Span s = decodeItems(span("""
        ,"span_type":"retrieval","input":"refund policy",
         "documents":[{"id":"d1","content":"30 days","score":0.8,"metadata":{"src":"faq"}},{"content":"x"}]""")).spans().get(0);
    assertThat(s.type()).isEqualTo(SpanType.RETRIEVAL);
    assertThat(s.content().documents()).containsExactly(
        new Document("d1", "30 days", 0.8, "{\"src\":\"faq\"}"), new Document(null, "x", null, null));
  }

  @Test
  void featureDefaultsToServiceThenDefault() {
    Span none = decodeItems(span("")).spans().get(0);
    assertThat(none.serviceName()).isEqualTo("unknown_service");
    assertThat(none.feature()).isEqualTo("default");
    assertThat(none.status()).isEqualTo(StatusCode.UNSET);
    Span service = decodeItems(span(",\"service_name\":\"billing\"")).spans().get(0);
    assertThat(service.feature()).isEqualTo("billing");
    Span empty = decodeItems(span(",\"service_name\":\"\",\"feature\":\"\",\"user_id\":\"\"")).spans().get(0);
    assertThat(empty.feature()).isEqualTo("default");
    assertThat(empty.userId()).isNull();
  }

  @Test
  void scoreDecodesAndInfersDataType() {
    NativeBatch b = decodeItems("""
        {"type":"score","id":"sc-1","trace_id":"%s","span_id":"%s","name":"helpfulness","value":0.8,"source":"eval",
         "comment":"ok","timestamp":"2026-11-22T11:00:00Z","metadata":{"judge":"gpt-4o"}}""".formatted(TRACE, SPAN),
        """
        {"type":"score","id":"sc-2","trace_id":"%s","name":"tone","label":"friendly"}""".formatted(TRACE),
        """
        {"type":"score","id":"sc-3","trace_id":"%s","name":"correct","value":true}""".formatted(TRACE),
        """
        {"type":"score","id":"sc-4","trace_id":"%s","name":"correct","value":0,"data_type":"BOOLEAN"}""".formatted(TRACE));
    assertThat(b.results()).extracting(ItemResult::id).containsExactly("sc-1", "sc-2", "sc-3", "sc-4");
    assertThat(b.scores()).containsExactly(
        new Score("sc-1", TRACE, SPAN, "helpfulness", ScoreDataType.NUMERIC, 0.8, null, ScoreSource.EVAL, "ok",
            NOW_NANOS - 3_600_000_000_000L, Map.of("judge", "gpt-4o")),
        new Score("sc-2", TRACE, null, "tone", ScoreDataType.CATEGORICAL, null, "friendly", ScoreSource.API, null,
            NOW_NANOS, Map.of()),
        new Score("sc-3", TRACE, null, "correct", ScoreDataType.BOOLEAN, 1.0, null, ScoreSource.API, null,
            NOW_NANOS, Map.of()),
        new Score("sc-4", TRACE, null, "correct", ScoreDataType.BOOLEAN, 0.0, null, ScoreSource.API, null,
            NOW_NANOS, Map.of()));
  }

  @Test
  void feedbackDecodes() {
    NativeBatch b = decodeItems("""
        {"type":"feedback","id":"fb-1","trace_id":"my-trace","kind":"rating","value":4,"comment":"good","user_id":"u1",
         "timestamp_unix_nano":"1763805600000000000"}""",
        """
        {"type":"feedback","id":"fb-2","trace_id":"%s","kind":"thumbs_down"}""".formatted(TRACE));
    assertThat(b.feedback()).containsExactly(
        new Feedback("fb-1", NativeIds.sha256Hex("my-trace", 32), FeedbackKind.RATING, 4.0, "good", "u1",
            1_763_805_600_000_000_000L),
        new Feedback("fb-2", TRACE, FeedbackKind.THUMBS_DOWN, null, null, null, NOW_NANOS));
  }

  @Test
  void changeDecodes() {
    NativeBatch b = decodeItems("""
        {"type":"change","id":"deploy-812","change_type":"deployment","feature":"support","description":"v2 prompt",
         "timestamp":"2026-11-22T09:00:00+02:00","attributes":{"commit":"abc123","pr":812}}""",
        """
        {"type":"Change","id":"c2","change_type":"model_version"}""");
    assertThat(b.results()).extracting(ItemResult::type).containsExactly("change", "change");
    assertThat(b.changes()).containsExactly(
        new ChangeEvent("deploy-812", ChangeType.DEPLOYMENT, "support", "v2 prompt", "api",
            NOW_NANOS - 5 * 3_600_000_000_000L, Map.of("commit", "abc123", "pr", "812")),
        new ChangeEvent("c2", ChangeType.MODEL_VERSION, null, null, "api", NOW_NANOS, Map.of()));
  }

  @Test
  void mixedBatchKeepsOrderAndCounts() {
    NativeBatch b = decodeItems(span(""), "{\"type\":\"score\"}", "{\"type\":\"change\",\"id\":\"c\",\"change_type\":\"config\"}");
    assertThat(b.results()).extracting(ItemResult::index, ItemResult::status)
        .containsExactly(tuple(0, 201), tuple(1, 400),
            tuple(2, 201));
    assertThat(b.accepted()).isEqualTo(2);
    assertThat(b.rejected()).isEqualTo(1);
    assertThat(b.spans()).hasSize(1);
    assertThat(b.scores()).isEmpty();
    assertThat(b.changes()).hasSize(1);
  }

  @Test
  void unknownFieldsAreIgnored() {
    NativeBatch b = decode("""
        {"batch_id":"x","metadata":{"sdk":"py"},"items":[
          {"type":"span","trace_id":"%s","span_id":"%s","name":"n","start_time":"%s","level":"DEBUG","extra":{"a":[1,2]}},
          {"type":"feedback","id":"f","trace_id":"t","kind":"copied","span_id":"ignored","nested":[[{}]]}
        ],"trailer":[1,{"x":null}]}""".formatted(TRACE, SPAN, T0));
    assertThat(b.results()).allMatch(ItemResult::ok);
    assertThat(b.spans().get(0).attributes()).isEmpty();
  }
}
