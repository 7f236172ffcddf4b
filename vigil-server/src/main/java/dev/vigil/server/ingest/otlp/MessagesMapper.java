package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * A span's input and output messages from the first dialect that has them, newest convention first.
 * Clients that emit two dialects at once say the same thing twice; taking one avoids duplicates.
 */
final class MessagesMapper {
  private MessagesMapper() {}

  record Messages(List<Message> input, List<Message> output) {}

  static Messages map(SpanAttributes a, SpanEvents events) {
    return new Messages(input(a, events), output(a, events));
  }

  private static List<Message> input(SpanAttributes a, SpanEvents events) {
    Object system = a.get("gen_ai.system_instructions");
    Object messages = a.get("gen_ai.input.messages");
    if (system != null || messages != null) {
      List<Message> out = new ArrayList<>();
      Message instructions = MessageParser.systemInstructions(system);
      if (instructions != null) out.add(instructions);
      out.addAll(MessageParser.messages(messages, "user"));
      if (!out.isEmpty()) return out;
    }
    List<Message> out = IndexedMessages.openInference(a, Family.LLM_INPUT_MESSAGES, "user");
    if (out.isEmpty()) out = IndexedMessages.openLlmetry(a, Family.GEN_AI_PROMPT, "user");
    if (out.isEmpty()) out = IndexedMessages.legacyTexts(a, Family.LLM_PROMPTS, "prompt.text", "user");
    if (out.isEmpty() && a.get("llm.prompts") != null) {
      out = new ArrayList<>();
      for (String prompt : AnyValues.stringList(a.get("llm.prompts"))) out.add(Message.of("user", prompt));
    }
    if (out.isEmpty()) out = events.input();
    if (out.isEmpty()) out = MessageParser.messages(a.get("gen_ai.prompt"), "user");
    return out;
  }

  private static List<Message> output(SpanAttributes a, SpanEvents events) {
    List<Message> out = MessageParser.messages(a.get("gen_ai.output.messages"), "assistant");
    if (out.isEmpty()) out = IndexedMessages.openInference(a, Family.LLM_OUTPUT_MESSAGES, "assistant");
    if (out.isEmpty()) out = IndexedMessages.openLlmetry(a, Family.GEN_AI_COMPLETION, "assistant");
    if (out.isEmpty()) out = IndexedMessages.legacyTexts(a, Family.LLM_CHOICES, "completion.text", "assistant");
    if (out.isEmpty()) out = events.output();
    if (out.isEmpty()) out = MessageParser.messages(a.get("gen_ai.completion"), "assistant");
    return out;
  }
}
