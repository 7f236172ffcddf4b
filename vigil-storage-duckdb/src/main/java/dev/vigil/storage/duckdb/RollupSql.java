package dev.vigil.storage.duckdb;

import java.util.List;

/**
 * The rollup tables' shapes and the SQL that rebuilds rollup rows from {@code span_index}: used by
 * retention for the hour and day a cut-off falls into, and (as the same text) by migration V011 to
 * backfill a data directory indexed before rollups existed.
 */
final class RollupSql {
  static final long HOUR = 3_600_000_000_000L;
  static final long DAY = 24 * HOUR;
  /** Span columns an hourly rollup row is keyed by, besides project, hour and is_root. */
  static final List<String> DIMENSIONS = List.of("span_type", "feature", "service", "model", "provider",
      "prompt_name", "prompt_version", "environment", "release", "finish_reason", "is_error");
  static final String LLM = "span_type IN ('llm', 'embedding')";

  private RollupSql() {}

  /** Hourly rollup rows of the spans matching {@code where} (a condition on span_index). */
  static String rebuildHours(String where) {
    String dims = String.join(", ", DIMENSIONS);
    return "INSERT INTO span_rollup (project_id, hour_ns, is_root, " + dims + ", n, refusals, tokens_in, "
        + "tokens_out, cost, unpriced, lat_idx, lat_cnt, ttft_idx, ttft_cnt) "
        + "SELECT project_id, hour_ns, is_root, " + dims + ", count(*), count(*) FILTER (WHERE is_refusal), "
        + "CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), "
        + "sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), "
        + "map_keys(histogram(li)), CAST(map_values(histogram(li)) AS INTEGER[]), "
        + "coalesce(map_keys(histogram(ti)), []), coalesce(CAST(map_values(histogram(ti)) AS INTEGER[]), []) "
        + "FROM (SELECT *, (start_ns // " + HOUR + ") * " + HOUR + " AS hour_ns, parent_id IS NULL AS is_root, "
        + LogHistogram.sqlIndex("duration_ns") + " AS li, "
        + "CASE WHEN ttft_ns IS NULL THEN NULL ELSE " + LogHistogram.sqlIndex("ttft_ns") + " END AS ti "
        + "FROM span_index WHERE " + where + ") GROUP BY ALL";
  }

  /** Daily per-user rollup rows of the LLM calls matching {@code where}. */
  static String rebuildDays(String where) {
    return "INSERT INTO user_rollup (project_id, day_ns, user_id, n, errors, refusals, tokens_in, tokens_out, "
        + "cost, unpriced) SELECT project_id, (start_ns // " + DAY + ") * " + DAY + " AS day_ns, user_id, "
        + "count(*), count(*) FILTER (WHERE is_error), count(*) FILTER (WHERE is_refusal), "
        + "CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), "
        + "sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced') "
        + "FROM span_index WHERE " + LLM + " AND (" + where + ") GROUP BY ALL";
  }
}
