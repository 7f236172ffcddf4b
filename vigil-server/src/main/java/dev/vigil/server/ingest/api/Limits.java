package dev.vigil.server.ingest.api;

/**
 * Request limits, documented in docs/native-ingest.md. Short strings are counted in characters
 * (code points), long text in UTF-8 bytes, since that is what storage and the wire pay for.
 */
final class Limits {
  static final int MAX_ITEMS = 1_000;
  static final int MAX_ID_CHARS = 256;
  static final int MAX_SHORT_CHARS = 1_000;
  static final int MAX_TEXT_BYTES = 1 << 20;
  static final int MAX_MESSAGES = 1_000;
  static final int MAX_TOOL_CALLS = 128;
  static final int MAX_DOCUMENTS = 1_000;
  static final int MAX_TAGS = 100;
  static final int MAX_MAP_ENTRIES = 256;

  private Limits() {}

  static boolean withinChars(String s, int max) {
    return s.length() <= max || s.codePointCount(0, s.length()) <= max;
  }

  static boolean withinBytes(String s, int max) {
    if (s.length() <= max / 3) return true; // a UTF-16 unit never takes more than 3 UTF-8 bytes
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      if (bytes > max) return false;
    }
    return true;
  }
}
