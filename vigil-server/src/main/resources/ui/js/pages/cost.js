// Cost: what was spent in the window and where, breakdown tables by model, feature, user and day,
// and the models that have no price (their calls are not counted) with a way to add one.
import { h } from '../dom.js';
import { sqlObjects } from '../api.js';
import { timeWindow, apiFilter, spanWhere, bucketFor } from '../state.js';
import { link, withParams, go } from '../router.js';
import { fill, kpi, panel, table, badge } from '../components.js';
import { tracesHref, costBy, spendByBucket, LLM } from '../data.js';
import { spendSection } from './sections/spend.js';
import * as f from '../format.js';

export default { title: 'Cost', render };

const BY = [['model', 'Model'], ['feature', 'Feature'], ['user', 'User'], ['day', 'Day']];
const MONTH_MS = 30 * 86_400_000;

async function render(view, ctx) {
  const { params, signal } = ctx;
  const win = timeWindow(params);
  const filter = apiFilter(params);
  const kpis = h('div.kpis');
  const unpriced = h('div');
  const breakdown = h('div');
  const spend = h('div');
  const by = BY.find(([k]) => k === params.get('by')) ? params.get('by') : 'model';
  const switcher = h('div.ranges', { role: 'group', 'aria-label': 'Break down by' }, BY.map(([k, label]) =>
    h('button.seg', { type: 'button', 'aria-pressed': String(k === by), onclick: () => go(withParams({ by: k })) }, label)));
  view.append(
    h('div.page-head', null, h('h1', null, 'Cost'), h('span.sub', null, win.label)),
    kpis,
    h('div.grid', null,
      panel('Breakdown', breakdown, { wide: true, actions: switcher }),
      panel('Models without a price', unpriced, { wide: true, sub: 'their calls have no cost: add a price override' })),
    h('div.section-title', null, h('h2', null, 'Where the money goes')), spend);

  fill(kpis, () => sqlObjects(`SELECT sum(cost) FILTER (WHERE ${LLM}) AS cost, count(*) FILTER (WHERE ${LLM}) AS calls,
      count(*) FILTER (WHERE ${LLM} AND cost_source = 'unpriced') AS unpriced,
      count(*) FILTER (WHERE is_root) AS requests
    FROM spans WHERE ${spanWhere()}`, signal).then((rows) => rows[0]), (k) => {
    if (!k || !k.calls) return null;
    const cost = k.cost || 0;
    return [
      kpi('Spend', f.usd(cost), { sub: win.label }),
      kpi('Projected per 30 days', f.usd(cost * (MONTH_MS / (win.to - win.from))), { sub: 'at this window’s rate' }),
      kpi('Per request', f.usd(k.requests ? cost / k.requests : null), { sub: `${f.int(k.requests)} requests` }),
      kpi('Per LLM call', f.usd(cost / k.calls), { sub: `${f.int(k.calls)} calls` }),
      kpi('Unpriced calls', f.int(k.unpriced), { tone: k.unpriced ? 'warn' : null, sub: k.unpriced ? 'not in the spend above' : 'every call has a price' }),
    ];
  }, 'No LLM calls in this range.');

  fill(breakdown, () => loadBreakdown(by, signal), (rows) => breakdownTable(by, rows), 'No LLM calls in this range.');

  fill(unpriced, () => sqlObjects(`SELECT model, provider, count(*) AS calls,
      sum(coalesce(input_tokens, 0)) AS input_tokens, sum(coalesce(output_tokens, 0)) AS output_tokens,
      max(start_ns) // 1000000 AS last_ms FROM spans WHERE ${spanWhere()} AND cost_source = 'unpriced'
      GROUP BY ALL ORDER BY calls DESC LIMIT 50`, signal), (rows) => (rows.length ? table([
    { label: 'Model', value: (r) => h('code', null, r.model ?? '(no model name)') },
    { label: 'Provider', value: (r) => r.provider ?? f.DASH },
    { label: 'Calls', num: true, value: (r) => f.int(r.calls) },
    { label: 'Tokens in / out', num: true, value: (r) => `${f.compact(r.input_tokens)} / ${f.compact(r.output_tokens)}` },
    { label: 'Last call', num: true, value: (r) => f.ago(r.last_ms) },
    { label: h('span.sr-only', null, 'Action'), value: (r) => (r.model ? h('a.btn.tiny', { href: link('settings', { price_model: r.model, price_provider: r.provider || null }) }, 'Add a price') : null) },
  ], rows, { caption: 'Models without a price' }) : h('p.state.empty', null, '✓ Every model called in this range has a price.')));

  spendSection(spend, { win, bucket: bucketFor(win), filter, signal, page: 'cost' });
}

const DAY = 86_400_000;

async function loadBreakdown(by, signal) {
  if (by === 'day') {
    const rows = await spendByBucket(spanWhere(), DAY, signal);
    return rows.map((r) => ({ ...r, key: r.t, size: DAY }));
  }
  return costBy(by, spanWhere(), 50, signal);
}

/** Days are UTC days: buckets align to the epoch, as in the metrics API. */
function bucketLabel(r) {
  return `${new Date(r.key).toISOString().slice(0, 10)} (UTC)`;
}

function breakdownTable(by, rows) {
  if (!rows.length) return null;
  const total = rows.reduce((a, r) => a + (r.cost || 0), 0);
  const label = BY.find(([k]) => k === by)[1];
  const first = by === 'day'
    ? { label: 'Day', value: bucketLabel }
    : { label, value: (r) => h('span.clip', { title: r.k ?? '' }, r.k ?? `(no ${by})`) };
  const href = (r) => {
    if (by === 'day') return tracesHref(r.key, r.key + r.size, { sort: 'costliest' });
    return r.k != null ? link('traces', { [by]: r.k, sort: 'costliest' }) : null;
  };
  return table([
    first,
    { label: 'Cost', num: true, value: (r) => (r.cost == null && r.unpriced ? badge('unpriced', 'warn') : f.usd(r.cost)) },
    { label: 'Share', num: true, value: (r) => (total ? f.pct((r.cost || 0) / total) : f.DASH) },
    { label: 'Calls', num: true, value: (r) => f.int(r.calls) },
    { label: 'Per call', num: true, value: (r) => (r.calls && r.cost != null ? f.usd(r.cost / r.calls) : f.DASH) },
    { label: 'Tokens in / out', num: true, value: (r) => `${f.compact(r.input_tokens)} / ${f.compact(r.output_tokens)}` },
    { label: 'Unpriced calls', num: true, value: (r) => (r.unpriced ? badge(f.int(r.unpriced), 'warn') : '0') },
  ], rows, { rowHref: href, caption: `Cost by ${label.toLowerCase()}` });
}
