// Variant comparison (A/B tests, canaries): two values of one dimension in the chosen window, every
// metric with 95 % intervals, the difference and whether it is significant.
import { h } from '../dom.js';
import { api, sqlObjects } from '../api.js';
import { withParams, go } from '../router.js';
import { apiFilter, spanWhere } from '../state.js';
import { fill, panel, table, badge, empty } from '../components.js';
import { intervals } from '../chart/drift.js';
import * as f from '../format.js';

export default { title: 'Compare', render };

const DIMENSIONS = [['prompt_version', 'Prompt version'], ['model', 'Model'], ['release', 'Release'],
  ['environment', 'Environment'], ['provider', 'Provider'], ['prompt_name', 'Prompt name']];
const TONE = { a_better: 'info', b_better: 'info', no_significant_difference: '', insufficient_data: 'warn' };

function verdictText(v, a, b) {
  if (v === 'a_better') return `${a} better`;
  if (v === 'b_better') return `${b} better`;
  if (v === 'insufficient_data') return 'insufficient data';
  return 'no significant difference';
}

async function render(view, ctx) {
  const { params, signal } = ctx;
  const dim = DIMENSIONS.some(([k]) => k === params.get('dimension')) ? params.get('dimension') : 'prompt_version';
  const a = params.get('a') || '';
  const b = params.get('b') || '';
  const dimSel = h('select', { id: 'cmp-dimension',  'aria-label': 'Dimension' }, DIMENSIONS.map(([k, l]) => h('option', { value: k, selected: k === dim }, l)));
  const aSel = h('select', { id: 'cmp-a',  'aria-label': 'Variant a' });
  const bSel = h('select', { id: 'cmp-b',  'aria-label': 'Variant b' });
  dimSel.addEventListener('change', () => go(withParams({ dimension: dimSel.value, a: null, b: null })));
  const run = h('button.btn', { id: 'cmp-run', type: 'button', onclick: () => go(withParams({ dimension: dimSel.value, a: aSel.value, b: bSel.value })) }, 'Compare');
  const body = h('div');
  view.append(
    h('div.page-head', null, h('h1', null, 'Compare variants'), h('span.sub', null, 'A/B tests and canaries, 95 % intervals')),
    h('div.toolbar.compare-controls', null, h('label', null, 'Dimension ', dimSel), h('label', null, 'a ', aSel),
      h('label', null, 'b ', bSel), run),
    body);
  await loadValues(dim, [aSel, bSel], [a, b], signal);
  if (!a || !b) {
    view.append(empty('Pick two values to compare.'));
    body.remove();
    return;
  }
  const query = { ...apiFilter(params), dimension: dim, a, b };
  fill(body, () => api('/api/v1/compare', { query, signal }), (r) => report(r, a, b));
}

async function loadValues(dim, selects, chosen, signal) {
  let values = [];
  try {
    const rows = await sqlObjects(`SELECT ${dim} AS v, count(*) AS n FROM spans WHERE ${spanWhere()}
      AND span_type IN ('llm', 'embedding') AND ${dim} IS NOT NULL GROUP BY v ORDER BY n DESC LIMIT 50`, signal);
    values = rows.map((r) => String(r.v));
  } catch {
    // values typed into the URL still work
  }
  selects.forEach((sel, i) => {
    const list = [...values];
    if (chosen[i] && !list.includes(chosen[i])) list.push(chosen[i]);
    sel.replaceChildren(...list.map((v) => h('option', { value: v }, v)));
    sel.value = chosen[i] || list[Math.min(i, list.length - 1)] || '';
  });
}

function fmtValue(m, v) {
  if (v == null) return f.DASH;
  if (m.kind === 'proportion') return f.pct(v, 2);
  if (m.metric === 'latency_ms') return f.ms(v);
  if (m.metric === 'cost') return f.usd(v);
  return Number(v).toFixed(m.metric.startsWith('score:') ? 3 : 1);
}

function report(r, a, b) {
  const est = (m, side) => {
    const e = m[side];
    return h('span', null, fmtValue(m, e.value), h('span.muted', null, e.lower != null ? ` [${fmtValue(m, e.lower)} – ${fmtValue(m, e.upper)}]` : ''));
  };
  const diff = (m) => (m.difference == null ? f.DASH
    : `${m.difference >= 0 ? '+' : ''}${fmtValue(m, m.difference)} [${fmtValue(m, m.difference_lower)} – ${fmtValue(m, m.difference_upper)}]`);
  return [
    h('p.muted', null, `${r.dimension} = ${a}: ${f.int(r.a.calls)} LLM calls · ${r.dimension} = ${b}: ${f.int(r.b.calls)} LLM calls`),
    panel('Metrics', table([
      { label: 'Metric', value: (m) => h('code', null, m.metric) },
      { label: `a = ${a}`, num: true, value: (m) => est(m, 'a') },
      { label: `b = ${b}`, num: true, value: (m) => est(m, 'b') },
      { label: '95 % intervals', value: (m) => intervals(m.a, m.b, `${m.metric}: intervals of a and b`) },
      { label: 'b − a', num: true, value: diff },
      { label: 'p-value', num: true, value: (m) => (m.p_value == null ? f.DASH : m.p_value < 1e-4 ? '< 0.0001' : m.p_value.toFixed(4)) },
      { label: 'Verdict', value: (m) => badge(verdictText(m.verdict, a, b), TONE[m.verdict] || '') },
    ], r.metrics, { caption: 'Variant comparison' }), { wide: true, sub: 'blue: a · orange: b · lower is better for rates, latency, cost and tokens; higher for scores' }),
  ];
}
