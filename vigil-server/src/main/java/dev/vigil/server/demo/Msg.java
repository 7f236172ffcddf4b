package dev.vigil.server.demo;

import java.util.List;

/** One chat message of the demo's logical model; dialect writers turn it into attributes. */
record Msg(String role, String text, List<ToolUse> toolCalls, String toolCallId) {
  Msg {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  static Msg system(String text) {
    return new Msg("system", text, null, null);
  }

  static Msg user(String text) {
    return new Msg("user", text, null, null);
  }

  static Msg assistant(String text) {
    return new Msg("assistant", text, null, null);
  }

  static Msg toolResult(String callId, String result) {
    return new Msg("tool", result, null, callId);
  }

  /** A tool the model asked for, with its arguments as JSON. */
  record ToolUse(String id, String name, String argumentsJson) {}
}
