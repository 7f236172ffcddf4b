// Data access shared by several pages: window metrics, change events and the drill-down links that
// turn a chart click into a traces query.
import { api, sqlObjects } from './api.js';
import { apiFilter } from './state.js';
import { link } from './router.js';

/** GET /api/v1/metrics with the page's window and feature plus `extra` (bucket, group_by, ...). */
export async function metrics(extra, signal, filter = apiFilter()) {
  const res = await api('/api/v1/metrics', { query: { ...filter, ...extra }, signal });
  return res.rows;
}

// One request per window and slice per page: every chart of a page asks for its markers, the first
// question goes to the server and the rest share its answer (keyed by the page's abort signal).
const markerCache = new WeakMap();

/**
 * The change events over [from, to] as chart markers ({t, label, change}) for the slice: changes of
 * another feature are left out, changes without a feature (a global deploy) are kept. `feature` is
 * one name or a list (an alert rule's `where`). A failure just means no markers.
 */
export function changeMarkers(signal, { from, to, feature } = apiFilter()) {
  const features = feature == null ? [] : [].concat(feature);
  const key = JSON.stringify([from, to, features]);
  const cache = signal ? markerCache.get(signal) || new Map() : new Map();
  if (signal) markerCache.set(signal, cache);
  if (!cache.has(key)) cache.set(key, loadMarkers(signal, from, to, features));
  return cache.get(key);
}

async function loadMarkers(signal, from, to, features) {
  try {
    const res = await api('/api/v1/changes', { query: { from, to }, signal });
    return res.changes
      .filter((c) => !features.length || !c.feature || features.includes(c.feature))
      .map((c) => ({ t: Date.parse(c.time), label: changeLabel(c), change: c }));
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return [];
  }
}

/** "prompt version · support-chat: support prompt v9", what a marker's tooltip says. */
export function changeLabel(c) {
  return `${c.type.replaceAll('_', ' ')}${c.feature ? ` · ${c.feature}` : ''}${c.description ? `: ${c.description}` : ''}`;
}

/**
 * The change markers for an alert rule's chart over [from, to] (epoch ms): its slice is the rule's
 * `where` feature(s), or the chart's group when the rule is grouped by feature.
 */
export function ruleMarkers(rule, from, to, group, signal) {
  const where = rule.where?.feature;
  const feature = where != null ? where : (rule.group_by === 'feature' && group ? group : null);
  return changeMarkers(signal, { from, to, feature });
}

export function traceHref(traceId, spanId) {
  return link('trace', spanId ? { span: spanId } : {}, traceId);
}

/** Traces explorer over [from, to) (epoch ms) with extra filters. */
export function tracesHref(from, to, extra = {}) {
  return link('traces', { range: null, from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...extra });
}

/** Same-page zoom: the current page over [from, to). */
export function zoomHref(page, from, to) {
  return link(page, { range: null, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
}

/** SQL timestamps without a zone are UTC (the views use make_timestamp). */
export function sqlTime(v) {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
}

// The SQL console answers grouped sums far faster than the metrics endpoint, which also computes
// latency percentiles per group: rankings and stacked spend use it.
export const LLM = "span_type IN ('llm', 'embedding')";
export const COLUMN_OF = { model: 'model', feature: 'feature', user: 'user_id', provider: 'provider' };

/** LLM-call cost, calls, tokens and unpriced calls grouped by a dimension, costliest first. */
export function costBy(dim, where, limit, signal) {
  return sqlObjects(`SELECT ${COLUMN_OF[dim]} AS k, sum(cost) AS cost, count(*) AS calls,
      count(*) FILTER (WHERE cost_source = 'unpriced') AS unpriced,
      sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
    FROM spans WHERE ${where} AND ${LLM} GROUP BY k ORDER BY cost DESC NULLS LAST, calls DESC LIMIT ${limit}`, signal);
}

/** LLM-call cost per (model, bucket); bucket start in epoch ms, aligned like the metrics API. */
export async function spendByModel(where, bucketMs, signal) {
  const rows = await sqlObjects(`SELECT model, start_ns // ${bucketMs}000000 AS b, sum(cost) AS cost, count(*) AS calls
    FROM spans WHERE ${where} AND ${LLM} GROUP BY ALL LIMIT 50000`, signal);
  return rows.map((r) => ({ model: r.model, t: r.b * bucketMs, cost: r.cost, calls: r.calls }));
}

/** LLM-call cost per bucket (e.g. per day) with calls and tokens. */
export async function spendByBucket(where, bucketMs, signal) {
  const rows = await sqlObjects(`SELECT start_ns // ${bucketMs}000000 AS b, sum(cost) AS cost, count(*) AS calls,
      count(*) FILTER (WHERE cost_source = 'unpriced') AS unpriced,
      sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
    FROM spans WHERE ${where} AND ${LLM} GROUP BY b ORDER BY b DESC LIMIT 5000`, signal);
  return rows.map((r) => ({ ...r, t: r.b * bucketMs }));
}
