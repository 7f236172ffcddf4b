package dev.vigil.storage.duckdb;

import dev.vigil.model.FeedbackKind;
import dev.vigil.storage.FeedbackCounts;
import dev.vigil.storage.FeedbackRateQuery;
import dev.vigil.storage.FeedbackRates;
import dev.vigil.storage.SpanFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback rates: the window's traces (by root, as trace search lists them), each joined to the
 * feedback on it, aggregated per bucket. Feedback is keyed by hex trace id, the index by integer
 * halves; the traces side is small next to span_index, so it is the one rendered as hex.
 */
final class SelectFeedbackRates {
  private static final String TRACE = "trace_hi, trace_lo";
  private static final FeedbackKind[] KINDS = FeedbackKind.values();

  private SelectFeedbackRates() {}

  static FeedbackRates select(Connection conn, long projectId, FeedbackRateQuery q) throws SQLException {
    SpanFilter f = q.filter();
    long bucket = q.bucket() == null ? 0 : q.bucket().toNanos();
    List<Object> params = new ArrayList<>();
    String bucketExpr = bucket == 0 ? "CAST(? AS BIGINT)" : "(r.start_ns // " + bucket + ") * " + bucket;
    if (bucket == 0) params.add(f.fromEpochNanos());
    StringBuilder traces = new StringBuilder("SELECT DISTINCT ").append(bucketExpr).append(" AS bucket, ")
        .append(IdCodec.traceSql("r.trace_hi", "r.trace_lo")).append(" AS trace_id FROM span_index r");
    if (SpanFilterSql.hasDimensions(f)) {
      SpanFilterSql w = new SpanFilterSql(projectId, f, SelectTraces.SLACK_NANOS).dimensions(f);
      traces.append(" SEMI JOIN (SELECT ").append(TRACE).append(" FROM span_index WHERE ").append(w.where())
          .append(") d USING (").append(TRACE).append(')');
      params.addAll(w.params);
    }
    if (f.errorsOnly() != null) {
      SpanFilterSql w = new SpanFilterSql(projectId, f, SelectTraces.SLACK_NANOS).and("is_error");
      traces.append(f.errorsOnly() ? " SEMI JOIN" : " ANTI JOIN").append(" (SELECT ").append(TRACE)
          .append(" FROM span_index WHERE ").append(w.where()).append(") e USING (").append(TRACE).append(')');
      params.addAll(w.params);
    }
    traces.append(" WHERE r.project_id = ? AND r.parent_id IS NULL AND r.start_ns >= ? AND r.start_ns < ?");
    params.add(projectId);
    params.add(f.fromEpochNanos());
    params.add(f.toEpochNanos());
    SpanFilterSql.range(traces, params, "r.duration_ns", SpanFilterSql.scale(f.minLatencyMs()),
        SpanFilterSql.scale(f.maxLatencyMs()));

    StringBuilder perTrace = new StringBuilder("SELECT trace_id, count(*) FILTER (WHERE kind IN "
        + "('thumbs_up', 'thumbs_down', 'rating', 'comment', 'correction')) AS explicit, "
        + "count(*) FILTER (WHERE kind = 'thumbs_up' OR (kind = 'rating' AND value >= ?)) AS pos, "
        + "count(*) FILTER (WHERE kind = 'thumbs_down' OR (kind = 'rating' AND value < ?)) AS neg");
    params.add(q.positiveRatingAtLeast());
    params.add(q.positiveRatingAtLeast());
    for (FeedbackKind k : KINDS) {
      perTrace.append(", count(*) FILTER (WHERE kind = '").append(k.wireName()).append("') AS k_").append(k.wireName());
    }
    perTrace.append(" FROM feedback_rows SEMI JOIN t USING (trace_id) WHERE project_id = ? GROUP BY trace_id");
    params.add(projectId);

    StringBuilder sql = new StringBuilder("WITH t AS (").append(traces).append("), fb AS (").append(perTrace)
        .append(") SELECT t.bucket, count(*), count(fb.trace_id), count(*) FILTER (WHERE fb.explicit > 0), "
            + "coalesce(sum(fb.pos), 0), coalesce(sum(fb.neg), 0), "
            + "count(*) FILTER (WHERE fb.k_correction > 0), count(*) FILTER (WHERE fb.k_follow_up > 0), "
            + "count(*) FILTER (WHERE fb.k_abandoned > 0), count(*) FILTER (WHERE fb.k_copied > 0)");
    for (FeedbackKind k : KINDS) sql.append(", coalesce(sum(fb.k_").append(k.wireName()).append("), 0)");
    sql.append(" FROM t LEFT JOIN fb USING (trace_id) GROUP BY t.bucket ORDER BY t.bucket");

    List<FeedbackCounts> buckets = new ArrayList<>();
    try (PreparedStatement ps = Sql.prepare(conn, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<FeedbackKind, Long> items = new EnumMap<>(FeedbackKind.class);
        for (int i = 0; i < KINDS.length; i++) items.put(KINDS[i], rs.getLong(11 + i));
        buckets.add(new FeedbackCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), items));
      }
    }
    FeedbackCounts total = FeedbackCounts.empty(f.fromEpochNanos());
    for (FeedbackCounts b : buckets) total = total.plus(b);
    return new FeedbackRates(total, buckets);
  }
}
