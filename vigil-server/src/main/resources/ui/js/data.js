// Data access shared by several pages: window metrics, change events and the drill-down links that
// turn a chart click into a traces query.
import { api } from './api.js';
import { apiFilter } from './state.js';
import { link } from './router.js';

/** GET /api/v1/metrics with the page's window and feature plus `extra` (bucket, group_by, ...). */
export async function metrics(extra, signal, filter = apiFilter()) {
  const res = await api('/api/v1/metrics', { query: { ...filter, ...extra }, signal });
  return res.rows;
}

/** Change events in the window as chart markers ({t, label}); a failure just means no markers. */
export async function changeMarkers(signal, filter = apiFilter()) {
  try {
    const res = await api('/api/v1/changes', { query: { from: filter.from, to: filter.to }, signal });
    return res.changes
      .filter((c) => !filter.feature || !c.feature || c.feature === filter.feature)
      .map((c) => ({
        t: Date.parse(c.time),
        label: `${c.type.replace('_', ' ')}${c.feature ? ` · ${c.feature}` : ''}${c.description ? `: ${c.description}` : ''}`,
        change: c,
      }));
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return [];
  }
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
