// Cost: what was spent in the window and where, breakdown tables by model, feature, user and day,
// and the models that have no price (their calls are not counted) with a way to add one.
import { h } from '../dom.js';
import { sqlObjects } from '../api.js';
import { timeWindow, apiFilter, spanWhere, bucketFor } from '../state.js';
import { link, withParams, go } from '../router.js';
import { fill, kpi, panel, table, badge } from '../components.js';
import { metrics, tracesHref } from '../data.js';
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

  fill(kpis, () => metrics({ scope: 'llm_calls' }, signal, filter).then(async (llm) => {
    const tr = await metrics({ scope: 'traces' }, signal, filter);
    return { llm: llm[0], tr: tr[0] };
  }), ({ llm, tr }) => {
    if (!llm) return null;
    const cost = llm.cost || 0;
    return [
      kpi('Spend', f.usd(cost), { sub: win.label }),
      kpi('Projected per 30 days', f.usd(cost * (MONTH_MS / (win.to - win.from))), { sub: 'at this window’s rate' }),
      kpi('Per request', f.usd(tr && tr.count ? cost / tr.count : null), { sub: `${f.int(tr?.count)} requests` }),
      kpi('Per LLM call', f.usd(llm.count ? cost / llm.count : null), { sub: `${f.int(llm.count)} calls` }),
      kpi('Unpriced calls', f.int(llm.unpriced), { tone: llm.unpriced ? 'warn' : null, sub: llm.unpriced ? 'not in the spend above' : 'every call has a price' }),
    ];
  }, 'No LLM calls in this range.');

  fill(breakdown, () => loadBreakdown(by, win, signal, filter), (rows) => breakdownTable(by, rows), 'No LLM calls in this range.');

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

async function loadBreakdown(by, win, signal, filter) {
  if (by === 'day') {
    const bucket = win.to - win.from > 2 * 86_400_000 ? '1d' : '1h';
    const rows = await metrics({ scope: 'llm_calls', bucket, limit: 1000 }, signal, filter);
    return rows.map((r) => ({ ...r, key: r.bucket_start, bucket })).reverse();
  }
  const rows = await metrics({ scope: 'llm_calls', group_by: by, order: 'cost', limit: 50 }, signal, filter);
  return rows.map((r) => ({ ...r, key: r.group[by] }));
}

function breakdownTable(by, rows) {
  if (!rows.length) return null;
  const total = rows.reduce((a, r) => a + (r.cost || 0), 0);
  const label = BY.find(([k]) => k === by)[1];
  const first = by === 'day'
    ? { label: rows[0].bucket === '1d' ? 'Day' : 'Hour', value: (r) => (r.bucket === '1d' ? f.dateTime(r.key).slice(0, 10) : f.dateTime(r.key).slice(0, 16)) }
    : { label, value: (r) => h('span.clip', { title: r.key ?? '' }, r.key ?? `(no ${by})`) };
  const href = (r) => {
    if (by === 'day') {
      const t = Date.parse(r.key);
      return tracesHref(t, t + (r.bucket === '1d' ? 86_400_000 : 3_600_000), { sort: 'costliest' });
    }
    return r.key ? link('traces', { [by]: r.key, sort: 'costliest' }) : null;
  };
  return table([
    first,
    { label: 'Cost', num: true, value: (r) => f.usd(r.cost) },
    { label: 'Share', num: true, value: (r) => (total ? f.pct((r.cost || 0) / total) : f.DASH) },
    { label: 'Calls', num: true, value: (r) => f.int(r.count) },
    { label: 'Per call', num: true, value: (r) => (r.count && r.cost != null ? f.usd(r.cost / r.count) : f.DASH) },
    { label: 'Tokens in / out', num: true, value: (r) => `${f.compact(r.input_tokens)} / ${f.compact(r.output_tokens)}` },
    { label: 'p95 latency', num: true, value: (r) => f.ms(r.latency_ms.p95) },
    { label: 'Unpriced', num: true, value: (r) => (r.unpriced ? badge(f.int(r.unpriced), 'warn') : '0') },
  ], rows, { rowHref: href, caption: `Cost by ${label.toLowerCase()}` });
}

