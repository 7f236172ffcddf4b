package dev.vigil.storage.duckdb;

import java.util.regex.Pattern;

/** How the SQL console compares the names in a query with the names it allows. */
final class SqlNames {

  /** View and CTE names: plain ASCII identifiers, so that no Unicode case folding is involved. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SqlNames() {}

  /**
   * Lower-cases A–Z only. DuckDB matches names case-insensitively; when two names are equal under
   * this folding DuckDB treats them as equal too, so an allow decision made on it cannot be wrong
   * in the permissive direction.
   */
  static String asciiLower(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  static boolean plain(String name) {
    return PLAIN.matcher(name).matches();
  }
}
