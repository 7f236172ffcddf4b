package dev.vigil.server.ingest.api;

import dev.vigil.model.Content;
import dev.vigil.model.Document;
import dev.vigil.model.Message;
import dev.vigil.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A span's content: chat messages, retrieved documents, and opaque input/output values. */
final class ContentFields {
  private static final Set<String> KNOWN_ROLES = Set.of("system", "user", "assistant", "tool");

  private ContentFields() {}

  static Content decode(Fields f) {
    List<Message> input = messages(f, "input_messages");
    List<Message> output = messages(f, "output_messages");
    List<Document> documents = new ArrayList<>();
    for (Fields d : f.objects("documents", Limits.MAX_DOCUMENTS)) {
      documents.add(new Document(d.text("id", Limits.MAX_ID_CHARS), d.longText("content"),
          d.number("score"), d.objectJson("metadata")));
    }
    Content c = new Content(input, output, documents, f.textOrJson("input"), f.textOrJson("output"));
    return c.isEmpty() ? Content.EMPTY : c;
  }

  private static List<Message> messages(Fields f, String name) {
    List<Fields> items = f.objects(name, Limits.MAX_MESSAGES);
    List<Message> out = new ArrayList<>(items.size());
    for (Fields m : items) out.add(message(m));
    return out;
  }

  private static Message message(Fields m) {
    String role = m.requiredText("role", Limits.MAX_SHORT_CHARS);
    String lower = role.toLowerCase(Locale.ROOT);
    List<ToolCall> calls = new ArrayList<>();
    for (Fields t : m.objects("tool_calls", Limits.MAX_TOOL_CALLS)) {
      calls.add(new ToolCall(t.text("id", Limits.MAX_ID_CHARS),
          t.requiredText("name", Limits.MAX_SHORT_CHARS), t.textOrJson("arguments")));
    }
    return new Message(
        KNOWN_ROLES.contains(lower) ? lower : role, // other roles are kept as sent
        m.longText("content"),
        m.text("name", Limits.MAX_SHORT_CHARS),
        calls,
        m.text("tool_call_id", Limits.MAX_ID_CHARS),
        m.text("finish_reason", Limits.MAX_SHORT_CHARS));
  }
}
