-- Latency and time-to-first-token histograms per user and day, as the span rollups have, so the top
-- users of a long range are answered from the user rollup (percentiles within LogHistogram's error)
-- instead of scanning every raw call of those users: at 10 M spans, a week's top 20 users by cost
-- read ~6 M rows of user_id for 20 names. The rows are rebuilt from span_index (the text of
-- RollupSql's rebuild for "TRUE", checked by ITRollupBackfill).
ALTER TABLE user_rollup ADD COLUMN lat_idx SMALLINT[];
ALTER TABLE user_rollup ADD COLUMN lat_cnt BIGINT[];
ALTER TABLE user_rollup ADD COLUMN ttft_idx SMALLINT[];
ALTER TABLE user_rollup ADD COLUMN ttft_cnt BIGINT[];
DELETE FROM user_rollup;

INSERT INTO user_rollup (project_id, day_ns, user_id, n, errors, refusals, tokens_in, tokens_out, cost, unpriced, lat_idx, lat_cnt, ttft_idx, ttft_cnt) SELECT project_id, day_ns, user_id, count(*), count(*) FILTER (WHERE is_error), count(*) FILTER (WHERE is_refusal), CAST(sum(coalesce(input_tokens, 0)) AS BIGINT), CAST(sum(coalesce(output_tokens, 0)) AS BIGINT), sum(cost), count(*) FILTER (WHERE cost_source = 'unpriced'), map_keys(histogram(li)), CAST(map_values(histogram(li)) AS BIGINT[]), coalesce(map_keys(histogram(ti)), []), coalesce(CAST(map_values(histogram(ti)) AS BIGINT[]), []) FROM (SELECT *, (start_ns // 86400000000000) * 86400000000000 AS day_ns, CASE WHEN duration_ns <= 0 THEN -1 ELSE CAST(ceil(ln(duration_ns) / 0.03922071315328133) AS SMALLINT) END AS li, CASE WHEN ttft_ns IS NULL THEN NULL ELSE CASE WHEN ttft_ns <= 0 THEN -1 ELSE CAST(ceil(ln(ttft_ns) / 0.03922071315328133) AS SMALLINT) END END AS ti FROM span_index WHERE span_type IN ('llm', 'embedding') AND (TRUE)) GROUP BY ALL;
