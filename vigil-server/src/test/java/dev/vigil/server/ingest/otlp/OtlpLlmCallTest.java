package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.START;
import static dev.vigil.server.ingest.otlp.ProtoSpans.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.LlmCall;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpLlmCallTest {
  private static LlmCall llm(Object... keyValues) {
    Object[] all = new Object[keyValues.length + 2];
    all[0] = "gen_ai.operation.name";
    all[1] = "chat";
    System.arraycopy(keyValues, 0, all, 2, keyValues.length);
    return one(all).llm();
  }

  @Test
  void finishReasonsFromEverySource() {
    assertThat(llm("gen_ai.response.finish_reasons", List.of("STOP", "length")).finishReasons())
        .containsExactly("stop", "length");
    assertThat(llm("gen_ai.response.finish_reasons", "tool_calls").finishReasons()).containsExactly("tool_calls");
    assertThat(llm("gen_ai.response.finish_reasons", "[\"end_turn\"]").finishReasons()).containsExactly("end_turn");
    assertThat(llm("llm.response.finish_reason", "Content_Filter").finishReasons()).containsExactly("content_filter");
    assertThat(llm("llm.response.stop_reason", "max_tokens").finishReasons()).containsExactly("max_tokens");
    assertThat(llm("gen_ai.completion.0.finish_reason", "refusal").finishReasons()).containsExactly("refusal");
    assertThat(llm().finishReasons()).isEmpty();
  }

  @Test
  void timeToFirstTokenAndStreaming() {
    LlmCall otel = llm("gen_ai.response.time_to_first_chunk", 0.25);
    assertThat(otel.timeToFirstTokenNanos()).isEqualTo(250_000_000L);
    assertThat(otel.streaming()).isTrue();

    String firstChunk = Instant.ofEpochSecond(0, START).plusMillis(300).toString();
    LlmCall langfuse = llm("langfuse.observation.completion_start_time", "\"" + firstChunk + "\"");
    assertThat(langfuse.timeToFirstTokenNanos()).isEqualTo(300_000_000L);

    assertThat(llm("llm.is_streaming", "true").streaming()).isTrue();
    assertThat(llm("gen_ai.request.stream", false).streaming()).isFalse();
    assertThat(llm().streaming()).isFalse();
    assertThat(llm().timeToFirstTokenNanos()).isNull();
  }

  @Test
  void requestParametersFromAllDialects() {
    LlmCall call = llm("gen_ai.request.model", "gpt-4o", "gen_ai.request.temperature", 0.3,
        "gen_ai.request.max_tokens", 100L, "gen_ai.request.stream", true, "llm.top_k", 5L,
        "llm.invocation_parameters", "{\"temperature\":0.9,\"seed\":7,\"model\":\"x\",\"messages\":[],\"stop\":null}");
    assertThat(call.requestParameters())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("temperature", 0.3, "max_tokens", 100L, "top_k", 5L,
            "seed", 7L));
    assertThat(call.streaming()).isTrue();
    assertThat(call.requestModel()).isEqualTo("gpt-4o");
  }

  @Test
  void modelsAndResponseId() {
    LlmCall call = llm("gen_ai.request.model", "gpt-4o", "gen_ai.response.model", "gpt-4o-2024-08-06",
        "gen_ai.response.id", "chatcmpl-1");
    assertThat(call.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(call.responseId()).isEqualTo("chatcmpl-1");
    assertThat(one("openinference.span.kind", "LLM", "llm.model_name", "claude").llm().requestModel())
        .isEqualTo("claude");
  }
}
