package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.SampleField;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.SpanFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Span field values and category counts for LLM calls of a slice. Values past the limit are a
 * reservoir sample (DuckDB's {@code USING SAMPLE reservoir}: uniform, without replacement), taken
 * after the filter, with the unsampled count computed by a window over the filtered rows.
 */
final class SelectSamples {
  private SelectSamples() {}

  static String expression(SampleField f) {
    return switch (f) {
      case INPUT_TOKENS -> "input_tokens";
      case OUTPUT_TOKENS -> "output_tokens";
      case INPUT_CHARS -> "input_chars";
      case OUTPUT_CHARS -> "output_chars";
      case LATENCY_MS -> "duration_ns / 1e6";
      case TTFT_MS -> "ttft_ns / 1e6";
      case COST -> "cost";
    };
  }

  static SpanFilterSql llmCalls(long projectId, SpanFilter filter) {
    return new SpanFilterSql(projectId, filter, 0).dimensions(filter).spanRanges(filter)
        .and("span_type IN ('llm', 'embedding')");
  }

  static SampleStore.Sample values(Connection conn, long projectId, SpanFilter filter, SampleField field, int limit)
      throws SQLException {
    SpanFilterSql w = llmCalls(projectId, filter).and(expression(field) + " IS NOT NULL");
    String sql = "SELECT v, total FROM (SELECT CAST(" + expression(field) + " AS DOUBLE) AS v, count(*) OVER () AS total"
        + " FROM span_index WHERE " + w.where() + ") USING SAMPLE reservoir(" + limit + " ROWS)";
    return read(conn, sql, w.params, limit);
  }

  /** Reads (value, total) rows into a sample. */
  static SampleStore.Sample read(Connection conn, String sql, List<Object> params, int limit) throws SQLException {
    double[] values = new double[Math.min(limit, 1024)];
    int n = 0;
    long total = 0;
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (n == values.length) values = java.util.Arrays.copyOf(values, Math.min(limit, values.length * 2));
        values[n++] = rs.getDouble(1);
        total = rs.getLong(2);
      }
    }
    return new SampleStore.Sample(java.util.Arrays.copyOf(values, n), total);
  }

  static Map<String, Long> counts(Connection conn, long projectId, SpanFilter filter, Dimension d, int limit)
      throws SQLException {
    SpanFilterSql w = llmCalls(projectId, filter);
    String sql = "SELECT " + SpanFilterSql.COLUMNS.get(d) + " AS k, count(*) AS n FROM span_index WHERE " + w.where()
        + " GROUP BY k ORDER BY n DESC, k NULLS LAST LIMIT " + limit;
    Map<String, Long> out = new LinkedHashMap<>();
    List<Object> params = new ArrayList<>(w.params);
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String k = rs.getString(1);
        out.merge(k == null ? SampleStore.NONE : k, rs.getLong(2), Long::sum);
      }
    }
    return out;
  }
}
