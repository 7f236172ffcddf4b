-- Pre-aggregated rollups for long-range dashboard queries (see SelectRollupMetrics). Every index
-- transaction appends partial rows for the spans it inserts (duplicates excluded); queries sum the
-- partial rows of the whole periods they cover; the indexer merges partial rows of one key now and
-- then (RollupCompaction), which changes no sum.

-- Per project, period and low-cardinality dimensions: counts, sums and two log-spaced histograms
-- (latency, time to first token) as ascending bucket indexes with their counts (LogHistogram). The
-- same rows at two resolutions, hour and UTC day, so a week is read as 7 day rows, not 168 hours.
CREATE TABLE span_rollup_hour (
  project_id     BIGINT NOT NULL,
  period_ns      BIGINT NOT NULL,
  is_root        BOOLEAN NOT NULL,
  span_type      VARCHAR,
  feature        VARCHAR,
  service        VARCHAR,
  model          VARCHAR,
  provider       VARCHAR,
  environment    VARCHAR,
  is_error       BOOLEAN NOT NULL,
  n              BIGINT NOT NULL,
  refusals       BIGINT NOT NULL,
  tokens_in      BIGINT NOT NULL,
  tokens_out     BIGINT NOT NULL,
  cost           DOUBLE,
  unpriced       BIGINT NOT NULL,
  lat_idx        SMALLINT[] NOT NULL,
  lat_cnt        BIGINT[] NOT NULL,
  ttft_idx       SMALLINT[] NOT NULL,
  ttft_cnt       BIGINT[] NOT NULL
);

CREATE TABLE span_rollup_day (
  project_id     BIGINT NOT NULL,
  period_ns      BIGINT NOT NULL,
  is_root        BOOLEAN NOT NULL,
  span_type      VARCHAR,
  feature        VARCHAR,
  service        VARCHAR,
  model          VARCHAR,
  provider       VARCHAR,
  environment    VARCHAR,
  is_error       BOOLEAN NOT NULL,
  n              BIGINT NOT NULL,
  refusals       BIGINT NOT NULL,
  tokens_in      BIGINT NOT NULL,
  tokens_out     BIGINT NOT NULL,
  cost           DOUBLE,
  unpriced       BIGINT NOT NULL,
  lat_idx        SMALLINT[] NOT NULL,
  lat_cnt        BIGINT[] NOT NULL,
  ttft_idx       SMALLINT[] NOT NULL,
  ttft_cnt       BIGINT[] NOT NULL
);

-- Per project, UTC day and user: the LLM calls' totals, for ranking users over long ranges.
CREATE TABLE user_rollup (
  project_id BIGINT NOT NULL,
  day_ns     BIGINT NOT NULL,
  user_id    VARCHAR,
  n          BIGINT NOT NULL,
  errors     BIGINT NOT NULL,
  refusals   BIGINT NOT NULL,
  tokens_in  BIGINT NOT NULL,
  tokens_out BIGINT NOT NULL,
  cost       DOUBLE,
  unpriced   BIGINT NOT NULL
);

-- Backfill from spans indexed before this migration (the text of RollupSql's rebuild statements
-- for "TRUE", checked by ITRollupBackfill).
INSERT INTO span_rollup_hour (project_id, period_ns, is_root, span_type, feature, service, model, provider, environment, is_error, n, refusals, tokens_in, tokens_out, cost, unpriced, lat_idx, lat_cnt, ttft_idx, ttft_cnt) SELECT project_id, period_ns, is_root, span_type, feature, service, model, provider, environment, is_error, count(*), count(*) FILTER (WHERE is_refusal), CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), map_keys(histogram(li)), CAST(map_values(histogram(li)) AS BIGINT[]), coalesce(map_keys(histogram(ti)), []), coalesce(CAST(map_values(histogram(ti)) AS BIGINT[]), []) FROM (SELECT *, (start_ns // 3600000000000) * 3600000000000 AS period_ns, parent_id IS NULL AS is_root, CASE WHEN duration_ns <= 0 THEN -1 ELSE CAST(ceil(ln(duration_ns) / 0.03922071315328133) AS SMALLINT) END AS li, CASE WHEN ttft_ns IS NULL THEN NULL ELSE CASE WHEN ttft_ns <= 0 THEN -1 ELSE CAST(ceil(ln(ttft_ns) / 0.03922071315328133) AS SMALLINT) END END AS ti FROM span_index WHERE TRUE) GROUP BY ALL;

INSERT INTO span_rollup_day (project_id, period_ns, is_root, span_type, feature, service, model, provider, environment, is_error, n, refusals, tokens_in, tokens_out, cost, unpriced, lat_idx, lat_cnt, ttft_idx, ttft_cnt) SELECT project_id, period_ns, is_root, span_type, feature, service, model, provider, environment, is_error, count(*), count(*) FILTER (WHERE is_refusal), CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), map_keys(histogram(li)), CAST(map_values(histogram(li)) AS BIGINT[]), coalesce(map_keys(histogram(ti)), []), coalesce(CAST(map_values(histogram(ti)) AS BIGINT[]), []) FROM (SELECT *, (start_ns // 86400000000000) * 86400000000000 AS period_ns, parent_id IS NULL AS is_root, CASE WHEN duration_ns <= 0 THEN -1 ELSE CAST(ceil(ln(duration_ns) / 0.03922071315328133) AS SMALLINT) END AS li, CASE WHEN ttft_ns IS NULL THEN NULL ELSE CASE WHEN ttft_ns <= 0 THEN -1 ELSE CAST(ceil(ln(ttft_ns) / 0.03922071315328133) AS SMALLINT) END END AS ti FROM span_index WHERE TRUE) GROUP BY ALL;

INSERT INTO user_rollup (project_id, day_ns, user_id, n, errors, refusals, tokens_in, tokens_out, cost, unpriced) SELECT project_id, (start_ns // 86400000000000) * 86400000000000 AS day_ns, user_id, count(*), count(*) FILTER (WHERE is_error), count(*) FILTER (WHERE is_refusal), CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced') FROM span_index WHERE span_type IN ('llm', 'embedding') AND (TRUE) GROUP BY ALL;

