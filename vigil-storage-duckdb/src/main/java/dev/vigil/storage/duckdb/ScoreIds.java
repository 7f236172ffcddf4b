package dev.vigil.storage.duckdb;

/**
 * Ids as {@code score_values} stores them: an evaluator's score id ({@code ev_} and 32 lowercase hex
 * digits), a 32-hex trace id and a 16-hex span id as integer halves ({@link IdCodec}), anything else
 * as text in the id's own column. A random text id cost DuckDB as much a row as all the other columns
 * together (V014). The encoding is a function of the id, so equal ids have equal columns.
 */
final class ScoreIds {
  private static final String EVAL = "ev_";

  /** The SQL that renders a stored score's id, trace id and span id back into text (the view does too). */
  static final String ID_SQL = "coalesce(id, '" + EVAL + "' || " + IdCodec.traceSql("id_hi", "id_lo") + ")";
  static final String TRACE_SQL = "coalesce(trace_id, " + IdCodec.traceSql("trace_hi", "trace_lo") + ")";
  static final String SPAN_SQL = "coalesce(span_id, " + IdCodec.spanSql("span") + ")";

  private ScoreIds() {}

  /** Whether {@code id} is stored as halves (else as text). */
  static boolean isEvalId(String id) {
    return id != null && id.length() == 35 && id.startsWith(EVAL) && lowerHex(id, 3);
  }

  static long evalHi(String id) {
    return Long.parseUnsignedLong(id, 3, 19, 16);
  }

  static long evalLo(String id) {
    return Long.parseUnsignedLong(id, 19, 35, 16);
  }

  static boolean isHexTrace(String traceId) {
    return traceId != null && traceId.length() == 32 && lowerHex(traceId, 0);
  }

  static boolean isHexSpan(String spanId) {
    return spanId != null && spanId.length() == 16 && lowerHex(spanId, 0);
  }

  /** Only lowercase: rendering prints lowercase, and an uppercase id must come back as it was sent. */
  private static boolean lowerHex(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return false;
    }
    return true;
  }
}
