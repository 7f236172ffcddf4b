package dev.vigil.storage.duckdb;

/**
 * Trace and span ids as the index stores them: a trace id as two signed 64-bit halves, a span id as
 * one. Hex strings (what the model and the API use) cost DuckDB a third more per row at ingest.
 */
final class IdCodec {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private IdCodec() {}

  static long traceHi(String traceId) {
    return Long.parseUnsignedLong(traceId, 0, 16, 16);
  }

  static long traceLo(String traceId) {
    return Long.parseUnsignedLong(traceId, 16, 32, 16);
  }

  static long span(String spanId) {
    return Long.parseUnsignedLong(spanId, 0, 16, 16);
  }

  static String trace(long hi, long lo) {
    char[] out = new char[32];
    put(out, 0, hi);
    put(out, 16, lo);
    return new String(out);
  }

  static String span(long id) {
    char[] out = new char[16];
    put(out, 0, id);
    return new String(out);
  }

  private static void put(char[] out, int at, long v) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
  }

  /** The SQL that renders stored halves back into the hex id (views). */
  static String traceSql(String hi, String lo) {
    return "lpad(lower(to_hex(" + hi + ")), 16, '0') || lpad(lower(to_hex(" + lo + ")), 16, '0')";
  }

  static String spanSql(String id) {
    return "lpad(lower(to_hex(" + id + ")), 16, '0')";
  }
}
