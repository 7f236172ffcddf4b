package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The top users of a long range: ranked over the daily user rollup for the whole days plus raw LLM
 * calls for the ragged edges (or whole days less the raw calls outside the range); then, for one
 * bucket, their rows from the same parts, whose counts and sums are exactly the raw answer's and
 * whose percentiles are within {@link LogHistogram#RELATIVE_ERROR} (other buckets: from raw spans
 * for those users alone). Only ties may pick other users than the raw ranking.
 */
final class SelectRollupUsers {
  private SelectRollupUsers() {}

  /** The user rollup's columns, in the order the raw parts follow. */
  private static final String COLUMNS = String.join(", ", RollupSql.USER_KEY) + ", "
      + String.join(", ", RollupSql.USER_SUMS) + ", lat_idx, lat_cnt, ttft_idx, ttft_cnt";

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
      case TOKENS -> "sum(tokens_in + tokens_out)";
      case P95_LATENCY -> throw new IllegalStateException("percentiles are ranked over raw rows");
    };
    List<Object> params = new ArrayList<>();
    String sql = "SELECT user_id, " + rank + " AS r FROM (" + union(projectId, q, plan, null, params)
        + ") GROUP BY user_id ORDER BY r DESC NULLS LAST LIMIT " + q.limit();
    List<String> users = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) users.add(rs.getString(1));
    }
    return users;
  }

  /**
   * The rows of ranked users over the whole range (one bucket), from the same parts: counts and sums
   * are the raw answer's, percentiles come from the merged histograms.
   */
  static List<MetricRow> rows(Connection conn, long projectId, MetricQuery q, List<String> users) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = RollupSql.merge(union(projectId, q, RollupPlan.userDays(q), users, params), List.of("user_id"),
        RollupSql.USER_SUMS) + " ORDER BY user_id NULLS LAST";
    List<MetricRow> rows = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long n = rs.getLong(2);
        if (n == 0) continue; // every call of the user lay in a part taken away
        int[] latIdx = SelectRollupMetrics.ints(rs.getArray(9));
        long[] latCnt = SelectRollupMetrics.longs(rs.getArray(10));
        int[] ttftIdx = SelectRollupMetrics.ints(rs.getArray(11));
        long[] ttftCnt = SelectRollupMetrics.longs(rs.getArray(12));
        Map<Dimension, String> group = new EnumMap<>(Dimension.class);
        group.put(Dimension.USER, rs.getString(1));
        rows.add(new MetricRow(q.filter().fromEpochNanos(), group, n, rs.getLong(3), rs.getLong(4),
            SelectRollupMetrics.millis(latIdx, latCnt, 0.5), SelectRollupMetrics.millis(latIdx, latCnt, 0.95),
            SelectRollupMetrics.millis(latIdx, latCnt, 0.99), SelectRollupMetrics.millis(ttftIdx, ttftCnt, 0.5),
            SelectRollupMetrics.millis(ttftIdx, ttftCnt, 0.95), rs.getLong(5), rs.getLong(6),
            Sql.nullableDouble(rs, 7), rs.getLong(8)));
      }
    }
    return rows;
  }

  /**
   * The daily rollup rows of the plan's whole days plus raw LLM calls for the ragged edges (or whole
   * days less the raw calls outside the range), of {@code users} only unless null.
   */
  private static String union(long projectId, MetricQuery q, RollupPlan plan, List<String> users, List<Object> params) {
    long day = RollupSql.DAY;
    long from = q.filter().fromEpochNanos();
    long to = q.filter().toEpochNanos();
    List<String> parts = new ArrayList<>();
    days(parts, params, projectId, plan.from(), plan.to(), users);
    // A ragged day is its part inside the range, or its whole day less the part outside, whichever
    // has fewer hours to scan: a range ending now has nothing after it (the future) to subtract.
    long left = plan.from() - day;
    if (from - left < plan.from() - from) {
      days(parts, params, projectId, left, plan.from(), users);
      raw(parts, params, projectId, left, from, -1, users);
    } else {
      raw(parts, params, projectId, from, plan.from(), 1, users);
    }
    if (plan.to() + day - to < to - plan.to()) {
      days(parts, params, projectId, plan.to(), plan.to() + day, users);
      raw(parts, params, projectId, to, plan.to() + day, -1, users);
    } else {
      raw(parts, params, projectId, plan.to(), to, 1, users);
    }
    return String.join(" UNION ALL ", parts);
  }

  private static void days(List<String> parts, List<Object> params, long projectId, long from, long to,
      List<String> users) {
    params.addAll(List.of(projectId, from, to));
    parts.add("SELECT " + COLUMNS + " FROM user_rollup WHERE project_id = ? AND day_ns >= ? AND day_ns < ?"
        + of(users, params));
  }

  /** Raw LLM calls in [from, to) as user rollup rows, added ({@code sign} 1) or taken away (-1); skipped when empty. */
  private static void raw(List<String> parts, List<Object> params, long projectId, long from, long to, int sign,
      List<String> users) {
    if (to <= from) return;
    params.addAll(List.of(projectId, from, to));
    parts.add("SELECT project_id, 0, user_id, " + RollupSql.rawMeasures(sign) + " FROM span_index "
        + "WHERE project_id = ? AND start_ns >= ? AND start_ns < ? AND " + RollupSql.LLM + of(users, params));
  }

  /** The condition on users, after the part's other parameters are added; none for null. */
  private static String of(List<String> users, List<Object> params) {
    return users == null ? "" : " AND " + condition(users, params);
  }

  /** The condition selecting the ranked users' rows. */
  static String condition(List<String> users, List<Object> params) {
    List<String> named = users.stream().filter(u -> u != null).toList();
    String in = named.isEmpty() ? "FALSE" : "user_id IN (" + Sql.placeholders(named.size()) + ")";
    params.addAll(named);
    return named.size() < users.size() ? "(" + in + " OR user_id IS NULL)" : in;
  }
}
