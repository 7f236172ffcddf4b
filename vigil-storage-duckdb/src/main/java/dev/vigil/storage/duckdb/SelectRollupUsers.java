package dev.vigil.storage.duckdb;

import dev.vigil.storage.MetricQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The top users of a long range: ranked over the daily user rollup for the whole days plus raw LLM
 * calls for the ragged edges (or whole days less the raw calls outside the range), then their rows computed from raw spans for those users alone, so
 * the answer (percentiles included) is exactly the raw one; only ties may pick other users.
 */
final class SelectRollupUsers {
  private SelectRollupUsers() {}

  /** The ranked users (a null user is a group too), or null when the raw scan has to answer. */
  static List<String> top(Connection conn, long projectId, MetricQuery q, long minSpans) throws SQLException {
    RollupPlan plan = RollupPlan.userDays(q);
    if (plan == null || minSpans > 0 && SelectRollupMetrics.spansIn(conn, "user_rollup", "day_ns", projectId, plan) < minSpans) {
      return null;
    }
    String rank = switch (q.order()) {
      case COUNT -> "sum(n)";
      case COST -> "sum(cost)";
      case ERRORS -> "sum(errors)";
      case TOKENS -> "sum(tokens)";
      case P95_LATENCY -> throw new IllegalStateException("percentiles are ranked over raw rows");
    };
    long day = RollupSql.DAY;
    long from = q.filter().fromEpochNanos();
    long to = q.filter().toEpochNanos();
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    days(parts, params, projectId, plan.from(), plan.to());
    // A ragged day is its part inside the range, or its whole day less the part outside, whichever
    // has fewer hours to scan: a range ending now has nothing after it (the future) to subtract.
    long left = plan.from() - day;
    if (from - left < plan.from() - from) {
      days(parts, params, projectId, left, plan.from());
      raw(parts, params, projectId, left, from, -1);
    } else {
      raw(parts, params, projectId, from, plan.from(), 1);
    }
    if (plan.to() + day - to < to - plan.to()) {
      days(parts, params, projectId, plan.to(), plan.to() + day);
      raw(parts, params, projectId, to, plan.to() + day, -1);
    } else {
      raw(parts, params, projectId, plan.to(), to, 1);
    }
    String sql = "SELECT user_id, " + rank + " AS r FROM (" + String.join(" UNION ALL ", parts)
        + ") GROUP BY user_id ORDER BY r DESC NULLS LAST LIMIT " + q.limit();
    List<String> users = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) users.add(rs.getString(1));
    }
    return users;
  }

  private static void days(List<String> parts, List<Object> params, long projectId, long from, long to) {
    parts.add("SELECT user_id, n, errors, tokens_in + tokens_out AS tokens, cost FROM user_rollup "
        + "WHERE project_id = ? AND day_ns >= ? AND day_ns < ?");
    params.addAll(List.of(projectId, from, to));
  }

  /** Raw LLM calls in [from, to), added ({@code sign} 1) or taken away (-1); skipped when empty. */
  private static void raw(List<String> parts, List<Object> params, long projectId, long from, long to, int sign) {
    if (to <= from) return;
    parts.add("SELECT user_id, " + sign + ", CASE WHEN is_error THEN " + sign + " ELSE 0 END, " + sign
        + " * (coalesce(input_tokens, 0) + coalesce(output_tokens, 0)), " + sign + " * cost FROM span_index "
        + "WHERE project_id = ? AND start_ns >= ? AND start_ns < ? AND " + RollupSql.LLM);
    params.addAll(List.of(projectId, from, to));
  }

  /** The condition selecting the ranked users' rows. */
  static String condition(List<String> users, List<Object> params) {
    List<String> named = users.stream().filter(u -> u != null).toList();
    String in = named.isEmpty() ? "FALSE" : "user_id IN (" + Sql.placeholders(named.size()) + ")";
    params.addAll(named);
    return named.size() < users.size() ? "(" + in + " OR user_id IS NULL)" : in;
  }
}
