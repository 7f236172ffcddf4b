package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * OTel's parts format as the instrumentations send it — [{"role", "parts": [{"type": "text",
 * "content"}], "finish_reason"?, "name"?}] — read straight into Messages, without the maps
 * {@link MessageParser} would walk. Only that exact shape: any other key, value type, part type or
 * a duplicate key returns null, and MessageParser reads the text as before. Within the shape the
 * result is what MessageParser makes of it, rule for rule (noted below).
 */
final class MessageText {
  /** Returned by {@link #systemInstructions} when MessageParser has to decide. */
  static final Message UNSURE = Message.of("", null);

  private MessageText() {}

  /** Like {@link MessageParser#messages} for a JSON array of messages; null when not that shape. */
  static List<Message> messages(String s, String defaultRole) {
    if (!s.startsWith("[")) return null; // plain text: no copy for the scanner
    JsonScanner in = new JsonScanner(s);
    try {
      in.expect('[');
      List<Message> out = new ArrayList<>(4);
      int c = in.next();
      if (c != ']') {
        while (true) {
          if (c != '{') return null; // MessageParser turns other elements into text messages
          out.add(message(in, defaultRole));
          c = in.next();
          if (c == ']') break;
          if (c != ',') return null;
          c = in.next();
        }
      }
      return in.next() == -1 ? out : null;
    } catch (JsonScanner.Unsure e) {
      return null;
    }
  }

  /** Like {@link MessageParser#systemInstructions} for a JSON array of text parts; else {@link #UNSURE}. */
  static Message systemInstructions(String s) {
    if (!s.startsWith("[")) return UNSURE;
    JsonScanner in = new JsonScanner(s);
    try {
      in.expect('[');
      Parts parts = new Parts();
      parts(in, parts);
      if (in.next() != -1) return UNSURE;
      return parts.content() == null ? null : Message.of("system", parts.content());
    } catch (JsonScanner.Unsure e) {
      return UNSURE;
    }
  }

  /** After the message's '{'. */
  private static Message message(JsonScanner in, String defaultRole) {
    String role = null;
    String finish = null;
    String name = null;
    Parts parts = null;
    int c = in.next();
    if (c != '}') {
      while (true) {
        if (c != '"') throw JsonScanner.Unsure.INSTANCE;
        String key = in.string(JsonScanner.MAX_NAME);
        in.expect(':');
        switch (key) { // known keys come back as these constants
          case "role" -> role = once(role, in.stringValue());
          case "finish_reason" -> finish = once(finish, in.stringValue());
          case "name" -> name = once(name, in.stringValue());
          case "parts" -> {
            if (parts != null) throw JsonScanner.Unsure.INSTANCE;
            in.expect('[');
            parts = new Parts();
            parts(in, parts);
          }
          default -> throw JsonScanner.Unsure.INSTANCE;
        }
        c = in.next();
        if (c == '}') break;
        if (c != ',') throw JsonScanner.Unsure.INSTANCE;
        c = in.next();
      }
    }
    // MessageParser.message: role lower-cased, else the default; no parts and no content: no text;
    // no tool calls; a tool call id only from keys this shape does not have.
    String lowerRole = AnyValues.lower(role);
    return new Message(lowerRole == null ? defaultRole : lowerRole, parts == null ? null : parts.content(),
        AnyValues.text(name), List.of(), null, AnyValues.lower(finish));
  }

  /** After a parts list's '[': text parts only. */
  private static void parts(JsonScanner in, Parts parts) {
    int c = in.next();
    if (c == ']') return;
    while (true) {
      if (c != '{') throw JsonScanner.Unsure.INSTANCE;
      textPart(in, parts);
      c = in.next();
      if (c == ']') return;
      if (c != ',') throw JsonScanner.Unsure.INSTANCE;
      c = in.next();
    }
  }

  /** After the part's '{': exactly a text type and a string content, in either order. */
  private static void textPart(JsonScanner in, Parts parts) {
    String type = null;
    String content = null;
    int c = in.next();
    while (true) {
      if (c != '"') throw JsonScanner.Unsure.INSTANCE;
      String key = in.string(JsonScanner.MAX_NAME);
      in.expect(':');
      switch (key) {
        case "type" -> type = once(type, in.stringValue());
        case "content" -> content = once(content, in.stringValue());
        default -> throw JsonScanner.Unsure.INSTANCE;
      }
      c = in.next();
      if (c == '}') break;
      if (c != ',') throw JsonScanner.Unsure.INSTANCE;
      c = in.next();
    }
    if (type == null || content == null) throw JsonScanner.Unsure.INSTANCE;
    // Parts.add: these types add str(p, "content", "text"), the content unless blank.
    String lowerType = AnyValues.lower(type);
    if (!"text".equals(lowerType) && !"input_text".equals(lowerType) && !"output_text".equals(lowerType)) {
      throw JsonScanner.Unsure.INSTANCE;
    }
    parts.text(AnyValues.text(content));
  }

  private static String once(String previous, String value) {
    if (previous != null) throw JsonScanner.Unsure.INSTANCE; // Jackson keeps the last; rare enough to leave to it
    return value;
  }
}
