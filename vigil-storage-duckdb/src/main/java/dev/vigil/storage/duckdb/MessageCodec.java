package dev.vigil.storage.duckdb;

import dev.vigil.model.Document;
import dev.vigil.model.Message;
import dev.vigil.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** Messages, tool calls and documents in the log's binary form. */
final class MessageCodec {
  private MessageCodec() {}

  static void writeMessages(ByteWriter w, List<Message> messages) {
    w.writeVarLong(messages.size());
    for (Message m : messages) {
      w.writeString(m.role());
      w.writeString(m.content());
      w.writeString(m.name());
      w.writeString(m.toolCallId());
      w.writeString(m.finishReason());
      w.writeVarLong(m.toolCalls().size());
      for (ToolCall c : m.toolCalls()) {
        w.writeString(c.id());
        w.writeString(c.name());
        w.writeString(c.arguments());
      }
    }
  }

  static List<Message> readMessages(ByteReader r) {
    int n = r.readVarInt();
    List<Message> messages = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      String role = r.readString();
      String content = r.readString();
      String name = r.readString();
      String toolCallId = r.readString();
      String finishReason = r.readString();
      int calls = r.readVarInt();
      List<ToolCall> toolCalls = new ArrayList<>(Math.min(calls, 256));
      for (int j = 0; j < calls; j++) toolCalls.add(new ToolCall(r.readString(), r.readString(), r.readString()));
      messages.add(new Message(role, content, name, toolCalls, toolCallId, finishReason));
    }
    return messages;
  }

  static void writeDocuments(ByteWriter w, List<Document> documents) {
    w.writeVarLong(documents.size());
    for (Document d : documents) {
      w.writeString(d.id());
      w.writeString(d.content());
      w.writeOptionalDouble(d.score());
      w.writeString(d.metadata());
    }
  }

  static List<Document> readDocuments(ByteReader r) {
    int n = r.readVarInt();
    List<Document> documents = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      documents.add(new Document(r.readString(), r.readString(), r.readOptionalDouble(), r.readString()));
    }
    return documents;
  }
}
