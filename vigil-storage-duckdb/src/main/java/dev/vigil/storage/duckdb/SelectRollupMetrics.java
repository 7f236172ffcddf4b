package dev.vigil.storage.duckdb;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Window metrics from the daily rollup for the whole days of the range (when buckets are whole
 * days), the hourly one for its other whole hours, and raw spans for its ragged edges, when {@link RollupPlan} allows it and the whole hours hold at least
 * {@code minSpans} spans (below that the raw scan is fast and exact). Counts, errors, refusals,
 * tokens, cost and unpriced are the raw answer's; percentiles come from merged log histograms and
 * are within {@link LogHistogram#RELATIVE_ERROR} of the exact ones. Groups are ranked here, over
 * the aggregated rows, like the raw path's few-groups plan.
 */
final class SelectRollupMetrics {
  private SelectRollupMetrics() {}

  private record Merged(MetricRow row, List<String> group, int[] latIdx, long[] latCnt) {}

  /** The rollup answer, or null when the raw scan has to answer. */
  static List<MetricRow> query(Connection conn, long projectId, MetricQuery q, long minSpans) throws SQLException {
    RollupPlan plan = RollupPlan.hours(q);
    if (plan == null || minSpans > 0 && spansIn(conn, "span_rollup_hour", "period_ns", projectId, plan) < minSpans) {
      return null;
    }
    List<String> names = new ArrayList<>(List.of("bucket"));
    StringBuilder groupExprs = new StringBuilder();
    StringBuilder order = new StringBuilder(" ORDER BY bucket");
    for (int i = 0; i < q.groupBy().size(); i++) {
      groupExprs.append(", ").append(SpanFilterSql.COLUMNS.get(q.groupBy().get(i))).append(" AS g").append(i);
      names.add("g" + i);
      order.append(", g").append(i).append(" NULLS LAST");
    }
    long bucket = q.bucket() == null ? 0 : q.bucket().toNanos();
    String rolled = groupExprs + ", n, CASE WHEN is_error THEN n ELSE 0 END AS errors, refusals, tokens_in, "
        + "tokens_out, cost, unpriced, lat_idx, lat_cnt, ttft_idx, ttft_cnt FROM ";
    String raw = groupExprs + ", " + RollupSql.rawMeasures(1) + " FROM span_index";
    // Each part a time range of its own, so DuckDB's min/max pruning skips the row groups outside it.
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    String day = rolled + "span_rollup_day";
    String hour = rolled + "span_rollup_hour";
    long qFrom = q.filter().fromEpochNanos();
    long qTo = q.filter().toEpochNanos();
    part(parts, params, q, "period_ns", day, projectId, plan.dayFrom(), plan.dayTo());
    part(parts, params, q, "period_ns", hour, projectId, plan.from(), Math.min(plan.dayFrom(), plan.to()));
    part(parts, params, q, "period_ns", hour, projectId, Math.max(plan.dayTo(), plan.from()), plan.to());
    part(parts, params, q, "start_ns", raw, projectId, qFrom, plan.from());
    part(parts, params, q, "start_ns", raw, projectId, plan.to(), qTo);
    String sql = RollupSql.merge(String.join(" UNION ALL ", parts), names,
        List.of("n", "errors", "refusals", "tokens_in", "tokens_out", "cost", "unpriced")) + order;
    List<Merged> rows = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int c = 1;
        long bucketStart = rs.getLong(c++);
        Map<Dimension, String> group = new EnumMap<>(Dimension.class);
        List<String> key = new ArrayList<>();
        for (Dimension d : q.groupBy()) {
          String v = rs.getString(c++);
          group.put(d, v);
          key.add(v);
        }
        long n = rs.getLong(c++);
        long errors = rs.getLong(c++);
        long refusals = rs.getLong(c++);
        long tokensIn = rs.getLong(c++);
        long tokensOut = rs.getLong(c++);
        Double cost = Sql.nullableDouble(rs, c++);
        long unpriced = rs.getLong(c++);
        int[] latIdx = ints(rs.getArray(c++));
        long[] latCnt = longs(rs.getArray(c++));
        int[] ttftIdx = ints(rs.getArray(c++));
        long[] ttftCnt = longs(rs.getArray(c));
        rows.add(new Merged(new MetricRow(bucketStart, group, n, errors, refusals, millis(latIdx, latCnt, 0.5),
            millis(latIdx, latCnt, 0.95), millis(latIdx, latCnt, 0.99), millis(ttftIdx, ttftCnt, 0.5),
            millis(ttftIdx, ttftCnt, 0.95), tokensIn, tokensOut, cost, unpriced), key, latIdx, latCnt));
      }
    }
    if (q.groupBy().isEmpty()) return rows.stream().map(Merged::row).toList();
    Set<List<String>> top = top(rows, q.order(), q.limit());
    return rows.stream().filter(m -> top.contains(m.group())).map(Merged::row).toList();
  }

  /** One SELECT of the union over [from, to) of {@code column}, unless that is empty. */
  private static void part(List<String> parts, List<Object> params, MetricQuery q, String column, String body,
      long projectId, long from, long to) {
    if (to <= from) return;
    SpanFilterSql w = new SpanFilterSql(column, projectId, from, to).dimensions(q.filter()).spanRanges(q.filter());
    switch (q.scope()) {
      case LLM_CALLS -> w.and(RollupSql.LLM);
      case TRACES -> w.and(column.equals("start_ns") ? "parent_id IS NULL" : "is_root");
      case SPANS -> { }
    }
    long bucket = q.bucket() == null ? 0 : q.bucket().toNanos();
    if (bucket == 0) params.add(q.filter().fromEpochNanos());
    params.addAll(w.params);
    parts.add("SELECT " + bucketExpr(bucket, column) + " AS bucket" + body + " WHERE " + w.where());
  }

  private static String bucketExpr(long bucket, String column) {
    return bucket == 0 ? "CAST(? AS BIGINT)" : "(" + column + " // " + bucket + ") * " + bucket;
  }

  /** The groups ranked first by the order over the whole range (ties: any, as in the raw path). */
  private static Set<List<String>> top(List<Merged> rows, MetricOrder order, int limit) {
    Map<List<String>, List<Merged>> byGroup = new HashMap<>();
    for (Merged m : rows) byGroup.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(m);
    Map<List<String>, Double> rank = new HashMap<>();
    byGroup.forEach((group, parts) -> rank.put(group, rank(parts, order)));
    List<List<String>> groups = new ArrayList<>(rank.keySet());
    groups.sort(Comparator.comparing((List<String> g) -> rank.get(g), Comparator.nullsLast(Comparator.reverseOrder())));
    return new HashSet<>(groups.subList(0, Math.min(limit, groups.size())));
  }

  private static Double rank(List<Merged> parts, MetricOrder order) {
    double sum = 0;
    boolean any = false;
    Map<Integer, Long> histogram = new HashMap<>();
    for (Merged m : parts) {
      MetricRow r = m.row();
      switch (order) {
        case COUNT -> sum += r.count();
        case ERRORS -> sum += r.errors();
        case TOKENS -> sum += r.inputTokens() + r.outputTokens();
        case COST -> {
          if (r.cost() != null) {
            sum += r.cost();
            any = true;
          }
        }
        case P95_LATENCY -> {
          for (int k = 0; k < m.latIdx().length; k++) histogram.merge(m.latIdx()[k], m.latCnt()[k], Long::sum);
        }
      }
    }
    if (order == MetricOrder.COST) return any ? sum : null;
    if (order != MetricOrder.P95_LATENCY) return sum;
    int[] idx = histogram.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    long[] cnt = Arrays.stream(idx).mapToLong(histogram::get).toArray();
    return LogHistogram.quantile(idx, cnt, 0.95);
  }

  /** Spans the rollups hold for the plan's whole periods: the raw scan is not worth avoiding below a size. */
  static long spansIn(Connection conn, String table, String column, long projectId, RollupPlan plan) throws SQLException {
    try (PreparedStatement ps = Sql.prepare(conn, "SELECT coalesce(sum(n), 0) FROM " + table + " WHERE project_id = ? AND "
        + column + " >= ? AND " + column + " < ?", List.of(projectId, plan.from(), plan.to()));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Double millis(int[] idx, long[] cnt, double q) {
    Double ns = LogHistogram.quantile(idx, cnt, q);
    return ns == null ? null : ns / 1_000_000d;
  }

  static int[] ints(Array array) throws SQLException {
    if (array == null) return new int[0];
    Object[] values = (Object[]) array.getArray();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) out[i] = ((Number) values[i]).intValue();
    return out;
  }

  static long[] longs(Array array) throws SQLException {
    if (array == null) return new long[0];
    Object[] values = (Object[]) array.getArray();
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) out[i] = ((Number) values[i]).longValue();
    return out;
  }
}
