package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Message;
import dev.vigil.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Messages from whatever shape a client used: OTel's parts format (JSON text or structured AnyValue),
 * the deprecated event bodies ({content, role}, {index, finish_reason, message}), and provider
 * payloads dumped as JSON ({role, content, tool_calls}). Plain text becomes one message.
 */
final class MessageParser {
  private MessageParser() {}

  static List<Message> messages(Object value, String defaultRole) {
    if (value == null) return List.of();
    if (value instanceof String s) {
      List<Message> fast = MessageText.messages(s, defaultRole);
      if (fast != null) return fast;
    }
    Object parsed = value instanceof String s ? Json.parseStructure(s) : value;
    if (parsed instanceof Map<?, ?> single) return List.of(message(single, defaultRole));
    if (!(parsed instanceof List<?> list)) {
      String s = AnyValues.text(value);
      return s == null ? List.of() : List.of(Message.of(defaultRole, s));
    }
    List<Message> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (o instanceof Map<?, ?> m) out.add(message(m, defaultRole));
      else if (AnyValues.text(o) != null) out.add(Message.of(defaultRole, AnyValues.string(o)));
    }
    return out;
  }

  /** gen_ai.system_instructions: a list of parts, or plain text. */
  static Message systemInstructions(Object value) {
    if (value instanceof String s) {
      Message fast = MessageText.systemInstructions(s);
      if (fast != MessageText.UNSURE) return fast;
    }
    List<?> parts = Json.parseList(value);
    if (parts == null) {
      String s = AnyValues.text(value);
      return s == null ? null : Message.of("system", s);
    }
    Parts p = new Parts();
    p.addAll(parts);
    return p.content() == null ? null : Message.of("system", p.content());
  }

  static Message message(Map<?, ?> m, String defaultRole) {
    Map<?, ?> src = m;
    Map<?, ?> inner = Json.parseMap(m.get("message")); // a choice wraps its message
    if (inner != null) src = inner;
    String role = AnyValues.lower(src.get("role"));
    if (role == null) role = AnyValues.lower(m.get("role"));
    if (role == null) role = defaultRole;

    Parts parts = new Parts();
    Object partList = src.get("parts");
    if (partList instanceof List<?> list) {
      parts.addAll(list);
    } else {
      content(parts, src.get("content"));
    }
    Object calls = src.get("tool_calls");
    if (calls == null) calls = m.get("tool_calls");
    toolCalls(parts, calls);

    String toolCallId = parts.toolCallId;
    if (toolCallId == null) toolCallId = Parts.str(src, "tool_call_id");
    if (toolCallId == null && "tool".equals(role)) toolCallId = Parts.str(src, "id");
    if (toolCallId == null && "tool".equals(role)) toolCallId = Parts.str(m, "id");
    String finish = AnyValues.lower(m.get("finish_reason"));
    if (finish == null) finish = AnyValues.lower(src.get("finish_reason"));
    return new Message(role, parts.content(), Parts.str(src, "name"), parts.toolCalls(), toolCallId, finish);
  }

  /**
   * A content value: text, a list of content blocks, or such a list JSON-dumped into a string
   * (OpenLLMetry does that). A JSON object stays text: a model may well answer in JSON.
   */
  static void content(Parts parts, Object content) {
    if (content instanceof String s) {
      List<?> blocks = dumpedBlocks(s);
      if (blocks != null) parts.addAll(blocks);
      else parts.text(s);
    } else if (content instanceof List<?> list) {
      parts.addAll(list);
    } else if (content != null) {
      parts.text(AnyValues.string(content));
    }
  }

  private static List<?> dumpedBlocks(String s) {
    if (s.length() < 4 || s.charAt(0) != '[' || !s.contains("\"type\"")) return null;
    List<?> list = Json.parseList(s);
    if (list == null || list.isEmpty()) return null;
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("type") instanceof String)) return null;
    }
    return list;
  }

  /** OpenAI [{id, type, function: {name, arguments}}] or flat [{id, name, arguments}]. */
  static void toolCalls(Parts parts, Object value) {
    List<?> list = Json.parseList(value);
    if (list == null) return;
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> call)) continue;
      Map<?, ?> fn = call.get("function") instanceof Map<?, ?> f ? f : call;
      parts.toolCall(new ToolCall(Parts.str(call, "id"), Parts.str(fn, "name"),
          Parts.arguments(Parts.first(fn, "arguments", "input"))));
    }
  }
}
