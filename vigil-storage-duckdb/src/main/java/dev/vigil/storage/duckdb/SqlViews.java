package dev.vigil.storage.duckdb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented views of the SQL console (docs/api.md), each restricted to one project. The
 * console substitutes the caller's numeric project id for {@code {project_id}}.
 */
final class SqlViews {
  private SqlViews() {}

  static Map<String, String> all() {
    Map<String, String> views = new LinkedHashMap<>();
    String traceId = IdCodec.traceSql("trace_hi", "trace_lo");
    views.put("spans", """
        SELECT %s AS trace_id, %s AS span_id,
          CASE WHEN parent_id IS NULL THEN NULL ELSE %s END AS parent_span_id,
          parent_id IS NULL AS is_root, name, span_type,
          make_timestamp(start_ns // 1000) AS start_time, start_ns, duration_ns / 1e6 AS duration_ms,
          CASE WHEN is_error THEN 'error' ELSE 'ok' END AS status, is_error, error_type, service, feature,
          user_id, session_id,
          CASE WHEN tags IS NULL THEN []::VARCHAR[] ELSE string_split(tags, chr(31)) END AS tags,
          prompt_name, prompt_version, environment, release, provider, model, input_tokens, output_tokens,
          cache_read_tokens, cache_write_tokens, reasoning_tokens, tokens_estimated, cost, cost_source,
          finish_reason, is_refusal, ttft_ns / 1e6 AS ttft_ms, streaming, input_chars, output_chars, pii_count,
          make_timestamp(received_ns // 1000) AS received_at
        FROM span_index WHERE project_id = {project_id}""".formatted(traceId, IdCodec.spanSql("span_id"),
        IdCodec.spanSql("parent_id")));
    views.put("traces", """
        SELECT %s AS trace_id,
          coalesce(max(name) FILTER (WHERE parent_id IS NULL), min(name)) AS name,
          make_timestamp(min(start_ns) // 1000) AS start_time,
          (max(start_ns + duration_ns) - min(start_ns)) / 1e6 AS duration_ms,
          count(*) AS span_count,
          count(*) FILTER (WHERE span_type IN ('llm', 'embedding')) AS llm_calls,
          count(*) FILTER (WHERE is_error) AS error_count,
          bool_or(parent_id IS NULL) AS has_root,
          coalesce(max(service) FILTER (WHERE parent_id IS NULL), min(service)) AS service,
          coalesce(max(feature) FILTER (WHERE parent_id IS NULL), min(feature)) AS feature,
          coalesce(max(user_id) FILTER (WHERE parent_id IS NULL), min(user_id)) AS user_id,
          coalesce(max(session_id) FILTER (WHERE parent_id IS NULL), min(session_id)) AS session_id,
          list_sort(list(DISTINCT model) FILTER (WHERE model IS NOT NULL)) AS models,
          sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
          sum(cost) AS cost, count(*) FILTER (WHERE cost_source = 'unpriced') AS unpriced_calls
        FROM span_index WHERE project_id = {project_id} GROUP BY trace_hi, trace_lo""".formatted(traceId));
    views.put("scores", """
        SELECT id, trace_id, span_id, name, data_type, value, label, source, comment,
          make_timestamp(time_ns // 1000) AS time, metadata
        FROM score_rows WHERE project_id = {project_id}""");
    views.put("feedback", """
        SELECT id, trace_id, kind, value, comment, user_id, make_timestamp(time_ns // 1000) AS time
        FROM feedback_rows WHERE project_id = {project_id}""");
    views.put("dataset_items", """
        SELECT dataset, trace_id, expected, note, make_timestamp(added_ns // 1000) AS added_at
        FROM dataset_item_rows WHERE project_id = {project_id}""");
    views.put("change_events", """
        SELECT id, change_type, feature, description, source, make_timestamp(time_ns // 1000) AS time, attributes
        FROM change_rows WHERE project_id = {project_id}""");
    return views;
  }
}
