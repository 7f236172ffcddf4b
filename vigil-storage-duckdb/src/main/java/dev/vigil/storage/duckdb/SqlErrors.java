package dev.vigil.storage.duckdb;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a DuckDB error into a console message: what went wrong, without DuckDB's internals. */
final class SqlErrors {

  private SqlErrors() {}

  /**
   * Keeps DuckDB's message and its "Candidate ..." hints. Drops the "LINE n:" excerpt (it quotes
   * the rewritten SQL that ran, not what the user typed) and "Did you mean" suggestions (they come
   * from the whole catalog), and masks the physical tables behind the views.
   */
  static String clean(String message, Set<String> hiddenTables) {
    if (message == null || message.isBlank()) return "query failed";
    int excerpt = message.indexOf("\nLINE ");
    String text = excerpt < 0 ? message : message.substring(0, excerpt);
    StringBuilder kept = new StringBuilder();
    for (String line : text.strip().split("\n")) {
      if (line.strip().startsWith("Did you mean")) continue;
      if (!kept.isEmpty()) kept.append('\n');
      kept.append(line);
    }
    String out = kept.toString().strip();
    for (String table : hiddenTables) {
      out = Pattern.compile("\\b" + Pattern.quote(table) + "\\b", Pattern.CASE_INSENSITIVE)
          .matcher(out)
          .replaceAll(Matcher.quoteReplacement("(internal)"));
    }
    return out.isEmpty() ? "query failed" : out;
  }
}
