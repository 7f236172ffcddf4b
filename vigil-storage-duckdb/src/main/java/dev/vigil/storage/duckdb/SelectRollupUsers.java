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
 * calls for the ragged edges, then their rows computed from raw spans for those users alone, so
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
    // the edges as two ranges of their own, so min/max pruning skips the row groups between them
    String edge = " UNION ALL SELECT user_id, 1, CASE WHEN is_error THEN 1 ELSE 0 END, coalesce(input_tokens, 0) + "
        + "coalesce(output_tokens, 0), cost FROM span_index WHERE project_id = ? AND start_ns >= ? AND start_ns < ? AND "
        + RollupSql.LLM;
    String sql = "SELECT user_id, " + rank + " AS r FROM (SELECT user_id, n, errors, tokens_in + tokens_out AS tokens, "
        + "cost FROM user_rollup WHERE project_id = ? AND day_ns >= ? AND day_ns < ?" + edge + edge
        + ") GROUP BY user_id ORDER BY r DESC NULLS LAST LIMIT " + q.limit();
    List<Object> params = List.of(projectId, plan.from(), plan.to(), projectId, q.filter().fromEpochNanos(),
        plan.from(), projectId, plan.to(), q.filter().toEpochNanos());
    List<String> users = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) users.add(rs.getString(1));
    }
    return users;
  }

  /** The condition selecting the ranked users' rows. */
  static String condition(List<String> users, List<Object> params) {
    List<String> named = users.stream().filter(u -> u != null).toList();
    String in = named.isEmpty() ? "FALSE" : "user_id IN (" + Sql.placeholders(named.size()) + ")";
    params.addAll(named);
    return named.size() < users.size() ? "(" + in + " OR user_id IS NULL)" : in;
  }
}
