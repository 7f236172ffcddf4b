package dev.vigil.model;

import java.util.List;

/**
 * One chat message, in the shape every dialect reduces to. {@code content} holds the text parts
 * joined; non-text parts are kept as readable placeholders ("[image: https://…]"). Roles are
 * lower-case: system, user, assistant, tool (any other string is kept as sent).
 */
public record Message(
    String role,
    String content,
    String name,
    List<ToolCall> toolCalls,
    String toolCallId,
    String finishReason) {

  public Message {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static Message of(String role, String content) {
    return new Message(role, content, null, List.of(), null, null);
  }

  public Message withContent(String newContent) {
    return new Message(role, newContent, name, toolCalls, toolCallId, finishReason);
  }
}
