package dev.vigil.storage.duckdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that DuckDB's {@code json_serialize_sql} returns: objects become maps, arrays
 * lists, strings strings, numbers their literal text (the AST holds 2^64-1 sentinels; nothing here
 * needs their value), and true/false/null themselves. The module has no JSON library, and the
 * input is DuckDB's own output, so this is deliberately minimal but strict.
 */
final class SqlJson {

  /** Deeper JSON is refused rather than recursed into: no console query needs it, and it bounds the stack. */
  static final int MAX_DEPTH = 1_000;

  /** The input nests deeper than {@link #MAX_DEPTH}. */
  static final class TooDeep extends IllegalArgumentException {
    TooDeep() {
      super("JSON nested deeper than " + MAX_DEPTH);
    }
  }

  private final String text;
  private int pos;

  private SqlJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    SqlJson reader = new SqlJson(text);
    Object value = reader.value(0);
    reader.skipSpace();
    if (reader.pos != text.length()) throw reader.error("trailing characters");
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) throw new TooDeep();
    skipSpace();
    if (pos >= text.length()) throw error("unexpected end");
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (consume('}')) return map;
    do {
      skipSpace();
      if (!peekChar('"')) throw error("expected a key");
      String key = string();
      skipSpace();
      expect(':');
      // a second value under one key would hide the first from the walker
      if (map.containsKey(key)) throw error("duplicate key");
      map.put(key, value(depth + 1));
      skipSpace();
    } while (consume(','));
    expect('}');
    return map;
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (consume(']')) return list;
    do {
      list.add(value(depth + 1));
      skipSpace();
    } while (consume(','));
    expect(']');
    return list;
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') return out.toString();
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) break;
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (pos + 4 > text.length()) throw error("bad escape");
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> out.append(e); // \" \\ \/
      }
    }
    throw error("unterminated string");
  }

  private String number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
    if (start == pos) throw error("unexpected character");
    return text.substring(start, pos);
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) throw error("unexpected literal");
    pos += word.length();
    return value;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private boolean peekChar(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean consume(char c) {
    if (!peekChar(c)) return false;
    pos++;
    return true;
  }

  private void expect(char c) {
    if (!consume(c)) throw error("expected '" + c + "'");
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("bad JSON at " + pos + ": " + what);
  }
}
