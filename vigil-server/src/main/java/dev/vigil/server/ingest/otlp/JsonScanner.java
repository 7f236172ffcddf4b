package dev.vigil.server.ingest.otlp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Tokens of strict JSON in a String, for readers that must agree with Jackson ({@link JsonText},
 * {@link MessageText}): whatever is not plain well-formed JSON — comments, single quotes, unknown
 * escapes, control chars in strings, leading zeros, big or odd numbers, huge strings — throws
 * {@link Unsure} so that the caller can leave the case to Jackson.
 */
final class JsonScanner {
  static final int MAX_STRING = 1 << 20;
  static final int MAX_NAME = 1000;
  private static final int MAX_NUMBER = 64;

  /**
   * Short strings (at most 16 chars) of the message shapes, returned as these constants: no copy,
   * hash already known, identity-equal on lookup. Recognized by their bytes, as two words.
   */
  private static final String[] KNOWN = {
      "role", "parts", "type", "content", "text", "finish_reason", "name", "id", "message", "tool_calls",
      "function", "arguments", "user", "assistant", "system", "tool", "stop"};
  private static final long[] KNOWN_HEADS = new long[KNOWN.length];
  private static final long[] KNOWN_TAILS = new long[KNOWN.length];

  static {
    for (int k = 0; k < KNOWN.length; k++) {
      byte[] word = KNOWN[k].getBytes(StandardCharsets.ISO_8859_1);
      for (int i = 0; i < word.length; i++) {
        if (i < 8) KNOWN_HEADS[k] |= (word[i] & 0xffL) << (8 * i);
        else KNOWN_TAILS[k] |= (word[i] & 0xffL) << (8 * (i - 8));
      }
    }
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private final String s;
  /**
   * {@code s} one byte per char, '?' for those above U+00FF: enough to find structure, quotes,
   * backslashes and control chars, eight at a time. Text is always taken from {@code s}.
   */
  private final byte[] b;
  private final int end;
  private int pos;

  JsonScanner(String s) {
    this.s = s;
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1); // a plain copy for Latin-1 strings
    if (bytes.length != s.length()) bytes = oneBytePerChar(s); // surrogate pairs became one '?'
    this.b = bytes;
    this.end = bytes.length;
  }

  private static byte[] oneBytePerChar(String s) {
    byte[] bytes = new byte[s.length()];
    for (int i = 0; i < bytes.length; i++) {
      char c = s.charAt(i);
      bytes[i] = c <= 0xff ? (byte) c : (byte) '?';
    }
    return bytes;
  }

  /**
   * Skips JSON whitespace (as Jackson knows it: space, tab, CR, LF); the next char, consumed, or -1
   * at the end. Chars above U+00FF come back as '?', which no caller accepts.
   */
  int next() {
    byte[] b = this.b;
    for (int i = pos; i < end; i++) {
      int c = b[i] & 0xff;
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        pos = i + 1;
        return c;
      }
    }
    pos = end;
    return -1;
  }

  /** The next token, which must be {@code expected}. */
  void expect(char expected) {
    if (next() != expected) throw Unsure.INSTANCE;
  }

  /** After the opening quote: the string, up to {@code maxLength} chars. */
  String string(int maxLength) {
    int start = pos;
    int close = special(start);
    if (close == end) throw Unsure.INSTANCE;
    if (b[close] == '\\') return escaped(start, close, maxLength);
    if (b[close] != '"') throw Unsure.INSTANCE; // a control char
    int length = close - start;
    pos = close + 1;
    if (length <= 16) {
      String known = known(start, length);
      if (known != null) return known;
    }
    if (length > maxLength) throw Unsure.INSTANCE;
    return s.substring(start, close);
  }

  /** A string value, not any other value. */
  String stringValue() {
    if (next() != '"') throw Unsure.INSTANCE;
    return string(MAX_STRING);
  }

  private String known(int start, int length) {
    long head = word(start, Math.min(length, 8));
    long tail = length > 8 ? word(start + 8, length - 8) : 0;
    for (int k = 0; k < KNOWN.length; k++) {
      if (KNOWN_HEADS[k] == head && KNOWN_TAILS[k] == tail && KNOWN[k].length() == length) return KNOWN[k];
    }
    return null;
  }

  /** The {@code n} (0 to 8) bytes from {@code i} as a little-endian word. */
  private long word(int i, int n) {
    if (i + 8 <= end) {
      long w = (long) LONGS.get(b, i);
      return n == 8 ? w : w & ((1L << (8 * n)) - 1);
    }
    long w = 0;
    for (int k = 0; k < n; k++) w |= (b[i + k] & 0xffL) << (8 * k);
    return w;
  }

  /**
   * Index of the first quote, backslash or control char from {@code i}, else {@code end}. Eight bytes
   * per step (SWAR): a byte is flagged when it is zero after XOR with '"' or '\\', or below 0x20; the
   * lowest flag is always a true one, as borrows only carry upwards.
   */
  private int special(int i) {
    byte[] b = this.b;
    for (; i + 8 <= end; i += 8) {
      long x = (long) LONGS.get(b, i);
      long q = x ^ (ONES * '"');
      long e = x ^ (ONES * '\\');
      long m = (((q - ONES) & ~q) | ((e - ONES) & ~e) | ((x - ONES * 0x20) & ~x)) & HIGHS;
      if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3);
    }
    for (; i < end; i++) {
      int c = b[i] & 0xff;
      if (c == '"' || c == '\\' || c < 0x20) return i;
    }
    return end;
  }

  /** The slow path, from the first backslash at {@code at}; only Jackson's standard escapes. */
  private String escaped(int start, int at, int maxLength) {
    StringBuilder sb = new StringBuilder(at - start + 16).append(s, start, at);
    pos = at;
    while (pos < end) {
      char c = s.charAt(pos++);
      if (c == '"') {
        if (sb.length() > maxLength) throw Unsure.INSTANCE;
        return sb.toString();
      }
      if (c < 0x20) throw Unsure.INSTANCE;
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= end) throw Unsure.INSTANCE;
      char e = s.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > end) throw Unsure.INSTANCE;
          int code = 0;
          for (int i = 0; i < 4; i++) code = (code << 4) | hex(s.charAt(pos++));
          sb.append((char) code);
        }
        default -> throw Unsure.INSTANCE;
      }
    }
    throw Unsure.INSTANCE;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw Unsure.INSTANCE;
  }

  /** After a literal's first char ('t', 'f' or 'n'): the rest of it. "truex" is the caller's to refuse. */
  void literal(String rest) {
    if (!s.startsWith(rest, pos)) throw Unsure.INSTANCE;
    pos += rest.length();
  }

  /**
   * After a number's first char: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? as a Long (at most
   * 18 digits, no fraction or exponent) or a finite Double, as Jackson reads it with USE_LONG_FOR_INTS.
   */
  Object number() {
    int start = pos - 1;
    int i = b[start] == '-' ? pos : start;
    int intStart = i;
    while (i < end && isDigit(b[i])) i++;
    int intDigits = i - intStart;
    if (intDigits == 0 || (intDigits > 1 && b[intStart] == '0')) throw Unsure.INSTANCE;
    boolean floating = false;
    if (i < end && b[i] == '.') {
      floating = true;
      int f = ++i;
      while (i < end && isDigit(b[i])) i++;
      if (i == f) throw Unsure.INSTANCE;
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      floating = true;
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) i++;
      int x = i;
      while (i < end && isDigit(b[i])) i++;
      if (i == x) throw Unsure.INSTANCE;
    }
    if (i - start > MAX_NUMBER) throw Unsure.INSTANCE;
    pos = i;
    if (floating) {
      double d = Double.parseDouble(s.substring(start, i));
      if (Double.isInfinite(d)) throw Unsure.INSTANCE;
      return d;
    }
    if (intDigits > 18) throw Unsure.INSTANCE; // Long or BigInteger: Jackson's call
    long v = 0;
    for (int k = intStart; k < i; k++) v = v * 10 + (b[k] - '0');
    return intStart > start ? -v : v;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Giving up; preallocated and without a stack trace, as it is part of normal work. */
  static final class Unsure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unsure INSTANCE = new Unsure();

    private Unsure() {
      super(null, null, false, false);
    }
  }
}
