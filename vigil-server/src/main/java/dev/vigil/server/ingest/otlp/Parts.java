package dev.vigil.server.ingest.otlp;

import dev.vigil.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects one message's parts: text joined by newlines, non-text parts as readable placeholders
 * ("[image: https://…]"), tool calls apart. Understands OTel's parts format and, since clients
 * dump provider payloads as they are, OpenAI and Anthropic content blocks too.
 */
final class Parts {
  /** The only text so far, kept as is: most messages have one text part, which then needs no copy. */
  private String single;
  /** From the second text on. */
  private StringBuilder text;
  private List<ToolCall> toolCalls;
  String toolCallId;

  void text(String s) {
    if (s == null || s.isEmpty()) return;
    if (single == null && text == null) {
      single = s;
      return;
    }
    if (text == null) {
      text = new StringBuilder(single.length() + s.length() + 16).append(single);
      single = null;
    }
    text.append('\n').append(s);
  }

  void toolCall(ToolCall call) {
    if (toolCalls == null) toolCalls = new ArrayList<>(2);
    toolCalls.add(call);
  }

  String content() {
    return text != null ? text.toString() : single;
  }

  List<ToolCall> toolCalls() {
    return toolCalls == null ? List.of() : toolCalls;
  }

  void addAll(List<?> parts) {
    for (Object o : parts) {
      if (o instanceof Map<?, ?> part) add(part);
      else text(AnyValues.string(o));
    }
  }

  void add(Map<?, ?> p) {
    String type = AnyValues.lower(p.get("type"));
    switch (type == null ? "" : type) {
      case "text", "input_text", "output_text" -> text(str(p, "content", "text"));
      case "tool_call", "function_call" -> toolCall(new ToolCall(str(p, "id", "call_id"), str(p, "name"),
          arguments(p.get("arguments"))));
      case "tool_use" -> toolCall(new ToolCall(str(p, "id"), str(p, "name"), arguments(p.get("input"))));
      case "tool_call_response", "tool_result", "function_call_output" -> {
        if (toolCallId == null) toolCallId = str(p, "id", "tool_use_id", "call_id");
        Object response = first(p, "response", "result", "content", "output");
        if (response instanceof List<?> blocks) addAll(blocks);
        else text(AnyValues.string(response));
      }
      case "reasoning", "thinking" -> {
        String thought = str(p, "content", "thinking", "text");
        text(thought == null ? "[reasoning]" : "[reasoning: " + thought + "]");
      }
      case "uri" -> text(placeholder(p, str(p, "uri")));
      case "file" -> text(placeholder(p, "file " + str(p, "file_id")));
      case "blob" -> text(placeholder(p, "inline " + (str(p, "mime_type") == null ? "data" : str(p, "mime_type"))));
      case "image_url" -> text("[image: " + url(p.get("image_url")) + "]");
      case "image" -> text("[image: " + url(first(p, "image", "source", "url")) + "]");
      default -> {
        String s = str(p, "content", "text");
        text(s != null ? s : "[" + (type == null ? "part" : type) + "]");
      }
    }
  }

  private static String placeholder(Map<?, ?> p, String detail) {
    String modality = str(p, "modality");
    return "[" + (modality == null ? "file" : modality) + ": " + detail + "]";
  }

  /** OpenAI {url}, Anthropic {type, url} / {type: base64, media_type}, or a plain URL string. */
  private static String url(Object v) {
    if (v instanceof Map<?, ?> m) {
      String u = str(m, "url");
      if (u != null) return u;
      String media = str(m, "media_type");
      return media == null ? "inline data" : "inline " + media;
    }
    String s = AnyValues.text(v);
    if (s == null) return "inline data";
    return s.startsWith("data:") ? "inline " + s.substring(5, Math.max(5, s.indexOf(';'))) : s;
  }

  /** Tool arguments as JSON text, however they arrived. */
  static String arguments(Object v) {
    return AnyValues.string(v);
  }

  static String str(Map<?, ?> m, String... keys) {
    for (String key : keys) {
      String s = AnyValues.text(m.get(key));
      if (s != null) return s;
    }
    return null;
  }

  static Object first(Map<?, ?> m, String... keys) {
    for (String key : keys) {
      Object v = m.get(key);
      if (v != null) return v;
    }
    return null;
  }
}
