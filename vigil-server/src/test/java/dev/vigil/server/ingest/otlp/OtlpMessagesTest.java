package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Content;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpMessagesTest {
  @Test
  void indexedMessagesAreOrderedNumerically() {
    List<Object> kv = new ArrayList<>(List.of("gen_ai.request.model", "m"));
    List<Object> oi = new ArrayList<>(List.of("openinference.span.kind", "LLM"));
    for (int i = 11; i >= 0; i--) {
      kv.addAll(List.of("gen_ai.prompt." + i + ".role", "user", "gen_ai.prompt." + i + ".content", "m" + i));
      oi.addAll(List.of("llm.input_messages." + i + ".message.content", "m" + i));
    }
    List<String> expected = List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11");
    assertThat(one(kv.toArray()).content().input()).extracting(Message::content).isEqualTo(expected);
    assertThat(one(oi.toArray()).content().input()).extracting(Message::content).isEqualTo(expected);
  }

  @Test
  void partsFormatAsStructuredAnyValue() {
    Span s = one("gen_ai.operation.name", "chat",
        "gen_ai.system_instructions", List.of(Map.of("type", "text", "content", "Be brief.")),
        "gen_ai.input.messages", List.of(Map.of("role", "User", "parts", List.of(
            Map.of("type", "text", "content", "Look:"),
            Map.of("type", "blob", "modality", "image", "mime_type", "image/png", "content", "iVBORw0KGgo="),
            Map.of("type", "file", "modality", "audio", "file_id", "file-9"),
            Map.of("type", "mystery")))),
        "gen_ai.output.messages", List.of(Map.of("role", "assistant", "finish_reason", "STOP",
            "parts", List.of(Map.of("type", "text", "content", "Nice.")))));
    assertThat(s.content().input()).containsExactly(Message.of("system", "Be brief."),
        Message.of("user", "Look:\n[image: inline image/png]\n[audio: file file-9]\n[mystery]"));
    assertThat(s.content().output()).containsExactly(new Message("assistant", "Nice.", null, List.of(), null, "stop"));
    assertThat(s.llm().finishReasons()).containsExactly("stop");
  }

  @Test
  void openLlmetryDumpedContentAndToolCalls() {
    Span s = one("llm.request.type", "chat",
        "gen_ai.prompt.0.role", "user",
        "gen_ai.prompt.0.content", "[{\"type\":\"text\",\"text\":\"Hi\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]",
        "gen_ai.prompt.1.role", "tool", "gen_ai.prompt.1.tool_call_id", "c1", "gen_ai.prompt.1.content", "{\"temp\": 3}",
        "gen_ai.completion.0.role", "assistant",
        "gen_ai.completion.0.tool_calls.0.id", "c2", "gen_ai.completion.0.tool_calls.0.name", "f",
        "gen_ai.completion.0.tool_calls.0.arguments", "{\"a\":1}",
        "gen_ai.completion.0.tool_calls.1.id", "c3", "gen_ai.completion.0.tool_calls.1.name", "g");
    assertThat(s.content().input()).containsExactly(Message.of("user", "Hi\n[image: https://x/y.png]"),
        new Message("tool", "{\"temp\": 3}", null, List.of(), "c1", null));
    assertThat(s.content().output().get(0).toolCalls())
        .containsExactly(new ToolCall("c2", "f", "{\"a\":1}"), new ToolCall("c3", "g", null));
  }

  @Test
  void openInferenceToolResultsAndLegacyCompletions() {
    Span s = one("openinference.span.kind", "LLM",
        "llm.input_messages.0.message.role", "tool", "llm.input_messages.0.message.tool_call_id", "t1",
        "llm.input_messages.0.message.name", "lookup", "llm.input_messages.0.message.content", "ok");
    assertThat(s.content().input()).containsExactly(new Message("tool", "ok", "lookup", List.of(), "t1", null));

    Span legacy = one("openinference.span.kind", "LLM", "llm.prompts.0.prompt.text", "Once upon",
        "llm.choices.0.completion.text", " a time");
    assertThat(legacy.content().input()).containsExactly(Message.of("user", "Once upon"));
    assertThat(legacy.content().output()).containsExactly(Message.of("assistant", " a time"));
    assertThat(legacy.llm().operation()).isEqualTo("text_completion");
  }

  @Test
  void plainPromptAndCompletionAttributes() {
    Span s = one("gen_ai.request.model", "m", "gen_ai.prompt", "Translate: cat",
        "gen_ai.completion", "[{\"role\":\"assistant\",\"content\":\"chat\"}]");
    assertThat(s.content().input()).containsExactly(Message.of("user", "Translate: cat"));
    assertThat(s.content().output()).containsExactly(Message.of("assistant", "chat"));
  }

  @Test
  void aJsonAnswerStaysText() {
    Span s = one("gen_ai.request.model", "m", "gen_ai.completion.0.content", "{\"answer\": 42}");
    assertThat(s.content().output()).containsExactly(Message.of("assistant", "{\"answer\": 42}"));
  }

  @Test
  void opaqueValuesOnlyWhenThereAreNoMessages() {
    Span withMessages = one("openinference.span.kind", "LLM", "input.value", "{\"raw\":1}", "output.value", "raw out",
        "llm.input_messages.0.message.content", "hi");
    assertThat(withMessages.content().inputValue()).isNull();
    assertThat(withMessages.content().outputValue()).isEqualTo("raw out");

    Span chain = one("openinference.span.kind", "CHAIN", "input.value", "q", "output.value", "a");
    assertThat(chain.content()).isEqualTo(new Content(List.of(), List.of(), List.of(), "q", "a"));

    Span tool = one("openinference.span.kind", "TOOL", "tool.parameters", "{\"type\":\"object\"}");
    assertThat(tool.content().inputValue()).isEqualTo("{\"type\":\"object\"}");
    assertThat(one("openinference.span.kind", "TOOL", "tool.parameters", "{}", "input.value", "{\"x\":1}")
        .content().inputValue()).isEqualTo("{\"x\":1}");
  }

  @Test
  void retrievalDocumentsAndQuery() {
    Span s = one("gen_ai.operation.name", "retrieval", "gen_ai.retrieval.query.text", "refunds",
        "gen_ai.retrieval.documents", "[{\"id\":\"d1\",\"score\":0.8},{\"id\":\"d2\",\"score\":\"0.5\"}]");
    assertThat(s.content().inputValue()).isEqualTo("refunds");
    assertThat(s.content().documents()).extracting(d -> d.id() + ":" + d.score())
        .containsExactly("d1:0.8", "d2:0.5");
    assertThat(s.attributes()).doesNotContainKeys("gen_ai.retrieval.documents", "gen_ai.retrieval.query.text");
  }
}
