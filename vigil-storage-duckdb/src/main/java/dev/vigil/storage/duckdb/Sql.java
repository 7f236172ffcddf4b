package dev.vigil.storage.duckdb;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small JDBC helpers shared by the query classes. */
final class Sql {
  private Sql() {}

  static PreparedStatement prepare(Connection conn, String sql, List<Object> params) throws SQLException {
    PreparedStatement ps = conn.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) instanceof Array a) ps.setArray(i + 1, a);
      else ps.setObject(i + 1, params.get(i));
    }
    return ps;
  }

  /**
   * The condition that a row of {@code table} (an alias and a dot, or empty) belongs to one of the
   * traces whose id halves are {@code his} and {@code los}; its two BIGINT[] parameters are added to
   * {@code params}. DuckDB probes a hash of each array, where an IN list of as many placeholders
   * compares each value in turn (~2× slower for 50 trace ids over a day of spans). Both halves are
   * probed: 64-bit trace ids all share a high half of 0, so that half alone could match every such
   * trace. A trace pairing one wanted trace's high half with another's low half still matches, so
   * callers keep only the traces they asked for.
   */
  static String traceIn(Connection conn, String table, List<Long> his, List<Long> los, List<Object> params)
      throws SQLException {
    params.add(conn.createArrayOf("BIGINT", his.toArray()));
    params.add(conn.createArrayOf("BIGINT", los.toArray()));
    return table + "trace_hi IN (SELECT unnest(?::BIGINT[])) AND " + table + "trace_lo IN (SELECT unnest(?::BIGINT[]))";
  }

  static List<String> tags(String joined) {
    if (joined == null || joined.isEmpty()) return List.of();
    return Arrays.asList(joined.split(SpanBatch.TAG_SEPARATOR));
  }

  static List<String> strings(ResultSet rs, int column) throws SQLException {
    Array a = rs.getArray(column);
    if (a == null) return List.of();
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) a.getArray()) if (o != null) out.add(o.toString());
    return out;
  }

  static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
