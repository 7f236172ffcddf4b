package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.SpanFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link SpanFilter} into a WHERE clause over {@code span_index} with bound parameters.
 * Column names come from a fixed map, never from input, so the SQL text is built from trusted parts.
 */
final class SpanFilterSql {
  static final Map<Dimension, String> COLUMNS = Map.ofEntries(
      Map.entry(Dimension.FEATURE, "feature"), Map.entry(Dimension.SERVICE, "service"),
      Map.entry(Dimension.MODEL, "model"), Map.entry(Dimension.PROVIDER, "provider"),
      Map.entry(Dimension.TYPE, "span_type"),
      Map.entry(Dimension.USER, "user_id"), Map.entry(Dimension.SESSION, "session_id"),
      Map.entry(Dimension.PROMPT_NAME, "prompt_name"), Map.entry(Dimension.PROMPT_VERSION, "prompt_version"),
      Map.entry(Dimension.ENVIRONMENT, "environment"), Map.entry(Dimension.RELEASE, "release"),
      Map.entry(Dimension.FINISH_REASON, "finish_reason"),
      Map.entry(Dimension.STATUS, "(CASE WHEN is_error THEN 'error' ELSE 'ok' END)"),
      Map.entry(Dimension.NAME, "name"));

  final StringBuilder sql = new StringBuilder();
  final List<Object> params = new ArrayList<>();

  /** Starts with the project and time range on {@code start_ns}, widened by {@code slackNanos} each side. */
  SpanFilterSql(long projectId, SpanFilter f, long slackNanos) {
    sql.append("project_id = ? AND start_ns >= ? AND start_ns < ?");
    params.add(projectId);
    params.add(f.fromEpochNanos() - slackNanos);
    params.add(f.toEpochNanos() + slackNanos);
  }

  /** Starts with the project and [from, to) on another time column (rollup tables). */
  SpanFilterSql(String timeColumn, long projectId, long from, long to) {
    sql.append("project_id = ? AND ").append(timeColumn).append(" >= ? AND ").append(timeColumn).append(" < ?");
    params.add(projectId);
    params.add(from);
    params.add(to);
  }

  /** Dimension equality and tag conditions. */
  SpanFilterSql dimensions(SpanFilter f) {
    for (var e : f.equals().entrySet()) {
      if (e.getValue().isEmpty()) continue;
      sql.append(" AND ").append(COLUMNS.get(e.getKey())).append(" IN (");
      for (int i = 0; i < e.getValue().size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        params.add(e.getValue().get(i));
      }
      sql.append(')');
    }
    for (String tag : f.tags()) {
      sql.append(" AND contains(chr(31) || tags || chr(31), chr(31) || ? || chr(31))");
      params.add(tag);
    }
    return this;
  }

  /** Span-level error, latency, cost and token conditions (metrics; traces use trace-level ones). */
  SpanFilterSql spanRanges(SpanFilter f) {
    if (f.errorsOnly() != null) sql.append(" AND is_error = ").append(f.errorsOnly());
    range("duration_ns", scale(f.minLatencyMs()), scale(f.maxLatencyMs()));
    range("cost", f.minCost(), f.maxCost());
    range("coalesce(input_tokens, 0) + coalesce(output_tokens, 0)",
        f.minTokens() == null ? null : f.minTokens().doubleValue(),
        f.maxTokens() == null ? null : f.maxTokens().doubleValue());
    return this;
  }

  SpanFilterSql and(String condition) {
    sql.append(" AND ").append(condition);
    return this;
  }

  SpanFilterSql and(String condition, Object param) {
    sql.append(" AND ").append(condition);
    params.add(param);
    return this;
  }

  static boolean hasDimensions(SpanFilter f) {
    return f.equals().values().stream().anyMatch(v -> !v.isEmpty()) || !f.tags().isEmpty();
  }

  private void range(String expr, Double min, Double max) {
    range(sql, params, expr, min, max);
  }

  /** Appends inclusive bounds on {@code expr}; a null bound adds nothing. */
  static void range(StringBuilder sql, List<Object> params, String expr, Double min, Double max) {
    if (min != null) {
      sql.append(" AND ").append(expr).append(" >= ?");
      params.add(min);
    }
    if (max != null) {
      sql.append(" AND ").append(expr).append(" <= ?");
      params.add(max);
    }
  }

  static Double scale(Double millis) {
    return millis == null ? null : millis * 1_000_000d;
  }

  String where() {
    return sql.toString();
  }
}
