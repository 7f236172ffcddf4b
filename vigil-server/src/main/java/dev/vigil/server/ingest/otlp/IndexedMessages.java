package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Message;
import dev.vigil.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Messages flattened into indexed span attributes: OpenLLMetry's and OpenInference's. */
final class IndexedMessages {
  private IndexedMessages() {}

  /** OpenLLMetry: gen_ai.prompt.N.role|content|tool_call_id, gen_ai.completion.N.…|finish_reason|tool_calls.J.*. */
  static List<Message> openLlmetry(SpanAttributes a, Family family, String defaultRole) {
    if (!a.has(family)) return List.of();
    List<Message> out = new ArrayList<>();
    for (Map<String, Object> m : Indexed.group(a, family).values()) {
      Parts parts = new Parts();
      MessageParser.content(parts, m.get("content"));
      for (Map<String, Object> call : Indexed.group(m, "tool_calls.").values()) {
        parts.toolCall(new ToolCall(Parts.str(call, "id"), Parts.str(call, "name"),
            Parts.arguments(call.get("arguments"))));
      }
      String role = AnyValues.lower(m.get("role"));
      out.add(new Message(role == null ? defaultRole : role, parts.content(), Parts.str(m, "name"),
          parts.toolCalls(), Parts.str(m, "tool_call_id"), AnyValues.lower(m.get("finish_reason"))));
    }
    return out;
  }

  /** OpenInference: llm.input_messages.N.message.role|content|name|tool_call_id|contents.K.*|tool_calls.J.*. */
  static List<Message> openInference(SpanAttributes a, Family family, String defaultRole) {
    if (!a.has(family)) return List.of();
    List<Message> out = new ArrayList<>();
    for (Map<String, Object> m : Indexed.group(a, family).values()) {
      Parts parts = new Parts();
      MessageParser.content(parts, m.get("message.content"));
      for (Map<String, Object> c : Indexed.group(m, "message.contents.").values()) {
        String type = AnyValues.lower(c.get("message_content.type"));
        String text = Parts.str(c, "message_content.text");
        if (text != null) {
          parts.text(text);
        } else if ("image".equals(type) || c.containsKey("message_content.image.image.url")) {
          parts.text("[image: " + Parts.str(c, "message_content.image.image.url") + "]");
        } else if (type != null) {
          parts.text("[" + type + "]");
        }
      }
      for (Map<String, Object> call : Indexed.group(m, "message.tool_calls.").values()) {
        parts.toolCall(new ToolCall(Parts.str(call, "tool_call.id"), Parts.str(call, "tool_call.function.name"),
            Parts.arguments(call.get("tool_call.function.arguments"))));
      }
      String role = AnyValues.lower(m.get("message.role"));
      out.add(new Message(role == null ? defaultRole : role, parts.content(), Parts.str(m, "message.name"),
          parts.toolCalls(), Parts.str(m, "message.tool_call_id"), null));
    }
    return out;
  }

  /** OpenInference's legacy completions API: llm.prompts.N.prompt.text / llm.choices.N.completion.text. */
  static List<Message> legacyTexts(SpanAttributes a, Family family, String textKey, String role) {
    if (!a.has(family)) return List.of();
    List<Message> out = new ArrayList<>();
    for (Map<String, Object> m : Indexed.group(a, family).values()) {
      String text = Parts.str(m, textKey);
      if (text != null) out.add(Message.of(role, text));
    }
    return out;
  }
}
