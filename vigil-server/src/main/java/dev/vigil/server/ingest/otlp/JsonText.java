package dev.vigil.server.ingest.otlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON straight from a String into what Jackson's untyped reading gives (LinkedHashMap,
 * ArrayList, String, Long, Double, Boolean, null): attribute values hold JSON on most LLM spans, and
 * ObjectMapper's per-call parser, context and char-buffer copies cost more than the parse. It gives
 * up ({@link #UNSURE}) on anything but plain well-formed JSON — see {@link JsonScanner} — and on
 * duplicate keys, trailing text and deep nesting, so that Jackson decides every case where the two
 * could differ.
 */
final class JsonText {
  /** Returned when Jackson has to decide. */
  static final Object UNSURE = new Object();

  private static final int MAX_DEPTH = 64;

  private final JsonScanner in;
  private int depth;

  private JsonText(String s) {
    this.in = new JsonScanner(s);
  }

  /** The object or array {@code s} holds, or {@link #UNSURE}. */
  static Object parse(String s) {
    JsonText p = new JsonText(s);
    try {
      int c = p.in.next();
      if (c != '{' && c != '[') return UNSURE;
      Object value = p.value(c);
      return p.in.next() == -1 ? value : UNSURE;
    } catch (JsonScanner.Unsure e) {
      return UNSURE;
    }
  }

  private Object value(int c) {
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> in.string(JsonScanner.MAX_STRING);
      case 't' -> {
        in.literal("rue");
        yield Boolean.TRUE;
      }
      case 'f' -> {
        in.literal("alse");
        yield Boolean.FALSE;
      }
      case 'n' -> {
        in.literal("ull");
        yield null;
      }
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) yield in.number();
        throw JsonScanner.Unsure.INSTANCE;
      }
    };
  }

  private Map<String, Object> object() {
    if (++depth > MAX_DEPTH) throw JsonScanner.Unsure.INSTANCE;
    LinkedHashMap<String, Object> map = new LinkedHashMap<>(8);
    int c = in.next();
    if (c != '}') {
      while (true) {
        if (c != '"') throw JsonScanner.Unsure.INSTANCE;
        String key = in.string(JsonScanner.MAX_NAME);
        in.expect(':');
        int size = map.size();
        map.put(key, value(in.next()));
        if (map.size() == size) throw JsonScanner.Unsure.INSTANCE; // a duplicate key
        c = in.next();
        if (c == '}') break;
        if (c != ',') throw JsonScanner.Unsure.INSTANCE;
        c = in.next();
      }
    }
    depth--;
    return map;
  }

  private List<Object> array() {
    if (++depth > MAX_DEPTH) throw JsonScanner.Unsure.INSTANCE;
    ArrayList<Object> list = new ArrayList<>();
    int c = in.next();
    if (c != ']') {
      while (true) {
        list.add(value(c));
        c = in.next();
        if (c == ']') break;
        if (c != ',') throw JsonScanner.Unsure.INSTANCE;
        c = in.next();
      }
    }
    depth--;
    return list;
  }
}
