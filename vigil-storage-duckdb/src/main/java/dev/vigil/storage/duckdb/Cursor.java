package dev.vigil.storage.duckdb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset pagination position: the sort value and id of the last row returned, opaque to clients.
 * Keyset (not OFFSET) so pages stay stable while new spans arrive and deep pages stay cheap.
 */
record Cursor(String sortValue, String id) {
  private static final String VERSION = "c1";

  String encode() {
    String raw = VERSION + "\n" + sortValue + "\n" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) return null;
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", -1);
      if (parts.length != 3 || !VERSION.equals(parts[0])) throw new IllegalArgumentException();
      return new Cursor(parts[1], parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cursor is not one this server issued");
    }
  }

  long sortLong() {
    try {
      return Long.parseLong(sortValue);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cursor is not one this server issued");
    }
  }

  double sortDouble() {
    try {
      return Double.parseDouble(sortValue);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cursor is not one this server issued");
    }
  }
}
