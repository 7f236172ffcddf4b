package dev.vigil.storage.duckdb;

import java.util.List;

/**
 * The rollup tables' shapes and the SQL over them that is not on the query path: rebuilding rollup
 * rows from {@code span_index} (retention, for the hour and day a cut-off falls into; migration V011,
 * as the same text, to backfill a data directory indexed before rollups existed) and merging the
 * partial rows of one key (compaction).
 */
final class RollupSql {
  static final long HOUR = 3_600_000_000_000L;
  static final long DAY = 24 * HOUR;
  /** Span rollup tables and their periods. */
  static final List<String> TABLES = List.of("span_rollup_hour", "span_rollup_day");
  static final List<Long> PERIODS = List.of(HOUR, DAY);
  /** Span columns a rollup row is keyed by, besides project, period and is_root. */
  static final List<String> DIMENSIONS = List.of("span_type", "feature", "service", "model", "provider",
      "environment", "is_error");
  static final String KEY = "project_id, period_ns, is_root, " + String.join(", ", DIMENSIONS);
  static final String MEASURES = "n, refusals, tokens_in, tokens_out, cost, unpriced, lat_idx, lat_cnt, ttft_idx, ttft_cnt";
  static final String LLM = "span_type IN ('llm', 'embedding')";

  private RollupSql() {}

  /** Rollup rows of {@code table} (one period) for the spans matching {@code where} on span_index. */
  static String rebuild(String table, long period, String where) {
    return "INSERT INTO " + table + " (" + KEY + ", " + MEASURES + ") SELECT " + KEY + ", count(*), "
        + "count(*) FILTER (WHERE is_refusal), CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), "
        + "CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), "
        + HISTOGRAMS + "FROM (SELECT *, (start_ns // " + period + ") * " + period + " AS period_ns, "
        + "parent_id IS NULL AS is_root, " + HISTOGRAM_INDEXES + "FROM span_index WHERE " + where + ") GROUP BY ALL";
  }

  /** The latency and time-to-first-token histogram indexes of a span row, as li and ti. */
  private static final String HISTOGRAM_INDEXES = LogHistogram.sqlIndex("duration_ns") + " AS li, "
      + "CASE WHEN ttft_ns IS NULL THEN NULL ELSE " + LogHistogram.sqlIndex("ttft_ns") + " END AS ti ";
  /** The four histogram columns aggregated over li and ti. */
  private static final String HISTOGRAMS = "map_keys(histogram(li)), CAST(map_values(histogram(li)) AS BIGINT[]), "
      + "coalesce(map_keys(histogram(ti)), []), coalesce(CAST(map_values(histogram(ti)) AS BIGINT[]), []) ";

  /** Daily per-user rollup rows of the LLM calls matching {@code where}. */
  static String rebuildDays(String where) {
    return "INSERT INTO user_rollup (project_id, day_ns, user_id, n, errors, refusals, tokens_in, tokens_out, "
        + "cost, unpriced, lat_idx, lat_cnt, ttft_idx, ttft_cnt) SELECT project_id, day_ns, user_id, "
        + "count(*), count(*) FILTER (WHERE is_error), count(*) FILTER (WHERE is_refusal), "
        + "CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), "
        + "sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), " + HISTOGRAMS
        + "FROM (SELECT *, (start_ns // " + DAY + ") * " + DAY + " AS day_ns, " + HISTOGRAM_INDEXES
        + "FROM span_index WHERE " + LLM + " AND (" + where + ")) GROUP BY ALL";
  }

  /** The span rollups' backfill statements of migration V011. */
  static List<String> backfill() {
    return List.of(rebuild(TABLES.get(0), HOUR, "TRUE"), rebuild(TABLES.get(1), DAY, "TRUE"));
  }

  /** The user rollup's rebuild in migration V013, which added its histograms. */
  static String userBackfill() {
    return rebuildDays("TRUE");
  }

  /**
   * One row per {@code names} of {@code rows} (a SELECT of those names, the {@code sums} columns and
   * the four histogram columns): sums added, histograms merged (ascending indexes). Histograms are
   * unnested into one long relation beside the totals, so one GROUP BY does it all, without joins.
   * {@code cost} is the one DOUBLE sum; the others are BIGINT.
   */
  static String merge(String rows, List<String> names, List<String> sums) {
    String keys = String.join(", ", names);
    StringBuilder nulls = new StringBuilder();
    StringBuilder grouped = new StringBuilder();
    StringBuilder totals = new StringBuilder();
    for (String m : sums) {
      nulls.append(", NULL");
      grouped.append(", sum(").append(m).append(") AS ").append(m);
      String sum = "sum(" + m + ") FILTER (WHERE kind = 0)";
      totals.append(m.equals("cost") ? sum : "CAST(" + sum + " AS BIGINT)").append(" AS ").append(m).append(", ");
    }
    return "WITH rows AS MATERIALIZED (" + rows + "), flat AS (SELECT " + keys + ", 0 AS kind, "
        + "CAST(NULL AS SMALLINT) AS i, CAST(0 AS BIGINT) AS c, " + String.join(", ", sums) + " FROM rows "
        + "UNION ALL SELECT " + keys + ", 1, unnest(lat_idx), unnest(lat_cnt)" + nulls + " FROM rows "
        + "UNION ALL SELECT " + keys + ", 2, unnest(ttft_idx), unnest(ttft_cnt)" + nulls + " FROM rows), "
        + "grouped AS (SELECT " + keys + ", kind, i, sum(c) AS c" + grouped + " FROM flat GROUP BY " + keys + ", kind, i) "
        + "SELECT " + keys + ", " + totals
        + "coalesce(list(i ORDER BY i) FILTER (WHERE kind = 1), []) AS lat_idx, "
        + "coalesce(CAST(list(c ORDER BY i) FILTER (WHERE kind = 1) AS BIGINT[]), []) AS lat_cnt, "
        + "coalesce(list(i ORDER BY i) FILTER (WHERE kind = 2), []) AS ttft_idx, "
        + "coalesce(CAST(list(c ORDER BY i) FILTER (WHERE kind = 2) AS BIGINT[]), []) AS ttft_cnt "
        + "FROM grouped GROUP BY " + keys;
  }

  /**
   * One raw span as rollup measures counted {@code sign} times (1, or -1 to take it away): n, errors,
   * refusals, tokens in and out, cost, unpriced, and the latency and TTFT histograms of one value.
   */
  static String rawMeasures(int sign) {
    String s = Integer.toString(sign);
    return s + ", CASE WHEN is_error THEN " + s + " ELSE 0 END, CASE WHEN is_refusal THEN " + s + " ELSE 0 END, "
        + s + " * coalesce(input_tokens, 0), " + s + " * coalesce(output_tokens, 0), " + s + " * cost, "
        + "CASE WHEN cost_source = 'unpriced' THEN " + s + " ELSE 0 END, [" + LogHistogram.sqlIndex("duration_ns")
        + "], CAST([" + s + "] AS BIGINT[]), CASE WHEN ttft_ns IS NULL THEN CAST([] AS SMALLINT[]) ELSE ["
        + LogHistogram.sqlIndex("ttft_ns") + "] END, CASE WHEN ttft_ns IS NULL THEN CAST([] AS BIGINT[]) "
        + "ELSE CAST([" + s + "] AS BIGINT[]) END";
  }

  /** The user rollup's key and sums, in table column order. */
  static final List<String> USER_KEY = List.of("project_id", "day_ns", "user_id");
  static final List<String> USER_SUMS = List.of("n", "errors", "refusals", "tokens_in", "tokens_out", "cost", "unpriced");

  /** Compaction's merge of the partial user rows matching {@code where}, in table column order. */
  static String compactedUsers(String where) {
    return merge("SELECT * FROM user_rollup WHERE " + where, USER_KEY, USER_SUMS);
  }

  /** Compaction's merge of the partial rows of {@code table} matching {@code where}, in table column order. */
  static String compacted(String table, String where) {
    List<String> key = List.of(KEY.split(", "));
    return merge("SELECT " + KEY + ", " + MEASURES + " FROM " + table + " WHERE " + where, key,
        List.of("n", "refusals", "tokens_in", "tokens_out", "cost", "unpriced"));
  }
}
