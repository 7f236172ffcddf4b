package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Message;
import java.util.List;
import java.util.Map;

/**
 * The GenAI content events, as span events or as log records on /v1/logs: the deprecated
 * per-message events, the older gen_ai.content.prompt/completion ones, and
 * gen_ai.client.inference.operation.details, which carries the same attributes as an inference span.
 */
final class GenAiEvents {
  static final String OPERATION_DETAILS = "gen_ai.client.inference.operation.details";

  private GenAiEvents() {}

  static boolean isContent(String name) {
    return switch (name) {
      case "gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message", "gen_ai.tool.message",
          "gen_ai.choice", "gen_ai.content.prompt", "gen_ai.content.completion", OPERATION_DETAILS -> true;
      default -> false;
    };
  }

  /**
   * Adds the event's messages. {@code body} is a log record's body; span events have none, their
   * attributes stand in for it.
   */
  static void collect(String name, Object body, Map<String, Object> attributes, List<Message> input,
      List<Message> output) {
    switch (name) {
      case "gen_ai.system.message" -> add(input, single(body, attributes, "system"));
      case "gen_ai.user.message" -> add(input, single(body, attributes, "user"));
      case "gen_ai.assistant.message" -> add(input, single(body, attributes, "assistant"));
      case "gen_ai.tool.message" -> add(input, single(body, attributes, "tool"));
      case "gen_ai.choice" -> add(output, single(body, attributes, "assistant"));
      case "gen_ai.content.prompt" -> input.addAll(MessageParser.messages(attributes.get("gen_ai.prompt"), "user"));
      case "gen_ai.content.completion" ->
          output.addAll(MessageParser.messages(attributes.get("gen_ai.completion"), "assistant"));
      case OPERATION_DETAILS -> {
        // The convention puts the content in attributes; a body map is accepted when they have none.
        Map<?, ?> fields = attributes;
        boolean inAttributes = attributes.containsKey("gen_ai.input.messages")
            || attributes.containsKey("gen_ai.output.messages") || attributes.containsKey("gen_ai.system_instructions");
        if (!inAttributes && body instanceof Map<?, ?> m) fields = m;
        add(input, MessageParser.systemInstructions(fields.get("gen_ai.system_instructions")));
        input.addAll(MessageParser.messages(fields.get("gen_ai.input.messages"), "user"));
        output.addAll(MessageParser.messages(fields.get("gen_ai.output.messages"), "assistant"));
      }
      default -> { }
    }
  }

  private static Message single(Object body, Map<String, Object> attributes, String role) {
    Object src = body;
    if (src == null || (src instanceof Map<?, ?> m && m.isEmpty())) {
      Object dumped = attributes.get("gen_ai.event.content"); // some emitters put the body here, as JSON
      src = dumped != null ? Json.parseMap(dumped) : attributes;
      if (src == null) src = dumped;
    }
    if (src instanceof Map<?, ?> m) return MessageParser.message(m, role);
    String text = AnyValues.text(src);
    return text == null ? null : Message.of(role, text);
  }

  private static void add(List<Message> to, Message m) {
    if (m == null) return;
    if (m.content() == null && m.toolCalls().isEmpty() && m.finishReason() == null && m.toolCallId() == null) return;
    to.add(m);
  }
}
