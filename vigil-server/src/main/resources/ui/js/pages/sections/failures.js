// Failures: the traces worth opening first — most recent errors, slowest, costliest — and the error
// types behind the failures, each linking to the trace or to the filtered explorer.
import { h } from '../../dom.js';
import { api, sqlObjects } from '../../api.js';
import { fill, panel, table, badge } from '../../components.js';
import { traceHref } from '../../data.js';
import { spanWhere } from '../../state.js';
import { link } from '../../router.js';
import * as f from '../../format.js';

const N = 6;

export function failuresSection(el, { filter, signal }) {
  const types = h('div');
  const recent = h('div');
  const slow = h('div');
  const costly = h('div');
  el.append(h('div.grid', null,
    panel('Error types', types, { sub: 'failed spans, most frequent first' }),
    panel('Recent errors', recent, { actions: h('a', { href: link('traces', { errors: 'true' }) }, 'All errors →') }),
    panel('Slowest requests', slow, { actions: h('a', { href: link('traces', { sort: 'slowest' }) }, 'More →') }),
    panel('Costliest requests', costly, { actions: h('a', { href: link('traces', { sort: 'costliest' }) }, 'More →') })));

  fill(types, () => sqlObjects(`SELECT coalesce(error_type, '(no type)') AS error_type, feature, count(*) AS n,
      max(start_ns) // 1000000 AS last_ms FROM spans WHERE ${spanWhere()} AND is_error
      GROUP BY ALL ORDER BY n DESC LIMIT 8`, signal), (rows) => (rows.length ? table([
    { label: 'Error type', value: (r) => h('span.clip', { title: r.error_type }, r.error_type) },
    { label: 'Feature', value: (r) => r.feature ?? f.DASH },
    { label: 'Spans', num: true, value: (r) => f.int(r.n) },
    { label: 'Last', num: true, value: (r) => f.ago(r.last_ms) },
  ], rows, { rowHref: (r) => link('traces', { errors: 'true', feature: r.feature ?? null }), caption: 'Error types' }) : null),
  'No errors in this range.');

  const traces = (target, query, metric) => fill(target,
    () => api('/api/v1/traces', { query: { ...filter, limit: N, ...query }, signal }).then((r) => r.traces),
    (rows) => (rows.length ? table([
      { label: 'Trace', value: (t) => h('span.clip', { title: t.name }, t.name || t.trace_id) },
      { label: 'Feature', value: (t) => t.feature ?? f.DASH },
      { label: 'When', num: true, value: (t) => h('span', { title: f.dateTime(t.start_time) }, f.ago(t.start_time)) },
      metric,
    ], rows, { rowHref: (t) => traceHref(t.trace_id), rowClass: (t) => (t.errors ? 'err' : null), caption: 'Traces' }) : null),
    'Nothing in this range.');
  traces(recent, { errors: 'true' }, { label: 'Errors', num: true, value: (t) => badge(f.plural(t.errors, 'error'), 'err') });
  traces(slow, { sort: 'slowest' }, { label: 'Duration', num: true, value: (t) => f.ms(t.duration_ms) });
  traces(costly, { sort: 'costliest' }, { label: 'Cost', num: true, value: (t) => f.usd(t.cost) });
}
