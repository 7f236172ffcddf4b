package dev.vigil.storage.duckdb;

import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trace search that needs each trace's totals (sorted by cost, or a cost or token range): one
 * aggregate over the spans of the range (widened by the slack) groups by trace and finds the root in
 * the same pass, then the root columns are read for the page's traces alone. Joining every root of
 * the range, with its text columns, to the totals cost about half as much again (QueryBenchmark).
 * Conditions on dimensions and errors hold when any span of the trace matches, as in
 * {@link SelectTraces}; latency is the root's duration.
 */
final class TraceTotalsRanking {
  private TraceTotalsRanking() {}

  private record Ranked(long hi, long lo, long start, Double cost) {}

  static List<SelectTraces.Root> roots(Connection conn, long projectId, TraceQuery q, int limit) throws SQLException {
    List<Ranked> ranked = rank(conn, projectId, q, limit);
    return ranked.isEmpty() ? List.of() : withRootColumns(conn, projectId, ranked);
  }

  private static List<Ranked> rank(Connection conn, long projectId, TraceQuery q, int limit) throws SQLException {
    SpanFilter f = q.filter();
    List<Object> params = new ArrayList<>();
    boolean tokens = f.minTokens() != null || f.maxTokens() != null; // each aggregate only when asked for
    boolean duration = q.sort() == TraceSort.SLOWEST || f.minLatencyMs() != null || f.maxLatencyMs() != null;
    // the root: a span without parent that starts in the range (children may lie in the slack)
    String root = "parent_id IS NULL AND start_ns >= " + f.fromEpochNanos() + " AND start_ns < " + f.toEpochNanos();
    StringBuilder sql = new StringBuilder("SELECT trace_hi, trace_lo, root_start, trace_cost FROM (SELECT trace_hi, "
        + "trace_lo, sum(cost) AS trace_cost, "
        + (tokens ? "sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)) AS trace_tokens, " : "")
        + "max(start_ns) FILTER (WHERE " + root + ") AS root_start"
        + (duration ? ", max(duration_ns) FILTER (WHERE " + root + ") AS root_duration" : ""));
    List<String> having = new ArrayList<>(List.of("root_start IS NOT NULL"));
    if (SpanFilterSql.hasDimensions(f)) {
      SpanFilterSql d = new SpanFilterSql(projectId, f, SelectTraces.SLACK_NANOS).dimensions(f);
      sql.append(", bool_or(").append(d.where()).append(") AS dims_match");
      params.addAll(d.params);
      having.add("dims_match");
    }
    if (f.errorsOnly() != null) {
      sql.append(", bool_or(is_error) AS has_error");
      having.add(f.errorsOnly() ? "has_error" : "NOT has_error");
    }
    SpanFilterSql w = new SpanFilterSql(projectId, f, SelectTraces.SLACK_NANOS);
    sql.append(" FROM span_index WHERE ").append(w.where()).append(" GROUP BY trace_hi, trace_lo) WHERE ")
        .append(String.join(" AND ", having));
    params.addAll(w.params);
    SpanFilterSql.range(sql, params, "root_duration", SpanFilterSql.scale(f.minLatencyMs()), SpanFilterSql.scale(f.maxLatencyMs()));
    SpanFilterSql.range(sql, params, "trace_cost", f.minCost(), f.maxCost());
    SpanFilterSql.range(sql, params, "trace_tokens", f.minTokens() == null ? null : f.minTokens().doubleValue(),
        f.maxTokens() == null ? null : f.maxTokens().doubleValue());
    String sortExpr = switch (q.sort()) {
      case NEWEST, OLDEST -> "root_start";
      case SLOWEST -> "root_duration";
      case COSTLIEST -> "coalesce(trace_cost, -1)";
    };
    SelectTraces.order(sql, params, q, sortExpr, "");
    sql.append(" LIMIT ").append(limit);
    List<Ranked> out = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(new Ranked(rs.getLong(1), rs.getLong(2), rs.getLong(3), Sql.nullableDouble(rs, 4)));
    }
    return out;
  }

  /** The ranked traces' root rows, in rank order. */
  private static List<SelectTraces.Root> withRootColumns(Connection conn, long projectId, List<Ranked> ranked)
      throws SQLException {
    long minStart = Long.MAX_VALUE;
    long maxStart = Long.MIN_VALUE;
    for (Ranked r : ranked) {
      minStart = Math.min(minStart, r.start());
      maxStart = Math.max(maxStart, r.start());
    }
    List<Object> params = new ArrayList<>(List.of(projectId, minStart, maxStart));
    String sql = "SELECT " + SelectTraces.ROOT_COLUMNS + " FROM span_index r WHERE r.project_id = ? "
        + "AND r.parent_id IS NULL AND r.start_ns >= ? AND r.start_ns <= ? AND "
        + Sql.traceIn(conn, "r.", ranked.stream().map(Ranked::hi).toList(), ranked.stream().map(Ranked::lo).toList(), params);
    Map<List<Long>, Ranked> byKey = new HashMap<>();
    for (Ranked r : ranked) byKey.put(List.of(r.hi(), r.lo(), r.start()), r);
    Map<Ranked, SelectTraces.Root> roots = new HashMap<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        // the root the ranking chose (a second root of one trace, or another trace sharing a half, is skipped)
        Ranked r = byKey.get(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(4)));
        if (r != null) roots.putIfAbsent(r, SelectTraces.root(rs, r.cost()));
      }
    }
    List<SelectTraces.Root> out = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      SelectTraces.Root root = roots.get(r);
      if (root != null) out.add(root);
    }
    return out;
  }
}
