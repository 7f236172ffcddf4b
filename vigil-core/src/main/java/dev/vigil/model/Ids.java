package dev.vigil.model;

import java.util.HexFormat;

/** Trace and span ids as lower-case hex, checked for length and alphabet, never all zeros. */
public final class Ids {
  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  public static String requireTraceId(String id) {
    return require(id, 32, "traceId");
  }

  public static String requireSpanId(String id, String field) {
    return require(id, 16, field);
  }

  /** Bytes as OTLP/protobuf carries ids; wrong lengths are rejected with a message. */
  public static String traceId(byte[] bytes) {
    return fromBytes(bytes, 16, "traceId");
  }

  public static String spanId(byte[] bytes, String field) {
    return fromBytes(bytes, 8, field);
  }

  public static byte[] toBytes(String hexId) {
    return HEX.parseHex(hexId);
  }

  private static String fromBytes(byte[] bytes, int length, String field) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(
          field + " must be " + length + " bytes, got " + bytes.length);
    }
    String hex = HEX.formatHex(bytes);
    return require(hex, length * 2, field);
  }

  private static String require(String id, int hexLength, String field) {
    if (id == null) throw new IllegalArgumentException(field + " is required");
    if (id.length() != hexLength) {
      throw new IllegalArgumentException(
          field + " must be " + hexLength + " hex characters, got " + id.length() + ": '" + abbreviate(id) + "'");
    }
    boolean allZero = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) throw new IllegalArgumentException(field + " is not hex: '" + abbreviate(id) + "'");
      if (c != '0') allZero = false;
    }
    if (allZero) throw new IllegalArgumentException(field + " must not be all zeros");
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
