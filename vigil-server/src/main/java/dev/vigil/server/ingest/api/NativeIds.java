package dev.vigil.server.ingest.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Trace and span ids as the API accepts them. Hex ids of the right length (and UUIDs for traces) are
 * used as they are, lower-cased; any other string is hashed, so clients may keep their own ids and a
 * retried request maps to the same spans: trace id = first 32 hex of SHA-256(id), span id = first 16.
 */
final class NativeIds {
  private static final HexFormat HEX = HexFormat.of();

  private NativeIds() {}

  /** The normalized trace id in {@code name}, or null when absent. */
  static String traceId(Fields f, String name) {
    String raw = f.text(name, Limits.MAX_ID_CHARS);
    if (raw == null) return null;
    String hex = isUuid(raw) ? raw.replace("-", "") : raw;
    return isHex(hex, 32) ? nonZero(f, name, hex) : sha256Hex(raw, 32);
  }

  /** The normalized span id in {@code name}, or null when absent. */
  static String spanId(Fields f, String name) {
    String raw = f.text(name, Limits.MAX_ID_CHARS);
    if (raw == null) return null;
    return isHex(raw, 16) ? nonZero(f, name, raw) : sha256Hex(raw, 16);
  }

  /** The span id of a trace item that gave none; derived from the normalized trace id. */
  static String rootSpanId(String traceId) {
    return sha256Hex("root:" + traceId, 16);
  }

  static String sha256Hex(String s, int hexChars) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest, 0, hexChars / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // An all-zero id is OTel's "invalid id": rejecting it beats silently hashing it into a valid one.
  private static String nonZero(Fields f, String name, String hex) {
    for (int i = 0; i < hex.length(); i++) {
      if (hex.charAt(i) != '0') return hex.toLowerCase(Locale.ROOT);
    }
    throw f.error(name, "must not be all zeros");
  }

  private static boolean isUuid(String s) {
    if (s.length() != 36) return false;
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) return false;
    }
    return true;
  }

  private static boolean isHex(String s, int length) {
    if (s.length() != length) return false;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
  }
}
