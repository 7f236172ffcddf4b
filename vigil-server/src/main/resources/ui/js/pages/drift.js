// Drift report: for one feature, every signal's distribution in the current window against a
// baseline (the window before it, or a pinned prompt version), with the tests' verdicts.
import { h } from '../dom.js';
import { api, sqlObjects } from '../api.js';
import { withParams, go, link } from '../router.js';
import { fill, panel, table, badge } from '../components.js';
import { overlay } from '../chart/drift.js';
import * as f from '../format.js';

export default { title: 'Drift', render, filters: false };

const CURRENT = ['15m', '1h', '6h', '24h'];
const BASELINE = ['1d', '7d', '30d'];
const TONE = { drifted: 'err', stable: 'ok', insufficient_data: 'warn' };
const LABEL = { drifted: 'drifted', stable: 'stable', insufficient_data: 'insufficient data' };

export function verdictBadge(v) {
  return badge(LABEL[v] || v, TONE[v] || '');
}

async function render(view, ctx) {
  const { params, signal } = ctx;
  const current = CURRENT.includes(params.get('current')) ? params.get('current') : '1h';
  const baseline = BASELINE.includes(params.get('baseline')) ? params.get('baseline') : '7d';
  const pinned = params.get('baseline_prompt_version') || '';
  const feature = params.get('feature') || '';
  const featureSel = h('select', { id: 'drift-feature',  'aria-label': 'Feature' }, h('option', { value: '' }, 'All features'));
  const curSel = h('select', { id: 'drift-current',  'aria-label': 'Current window' }, CURRENT.map((c) => h('option', { value: c, selected: c === current }, `last ${c}`)));
  const baseSel = h('select', { id: 'drift-baseline',  'aria-label': 'Baseline window' }, BASELINE.map((b) => h('option', { value: b, selected: b === baseline }, `${b} before`)));
  const pin = h('input', { id: 'drift-pin',  type: 'text', value: pinned, placeholder: 'any version', 'aria-label': 'Pinned baseline prompt version' });
  const apply = () => go(withParams({ feature: featureSel.value || null, current: curSel.value, baseline: baseSel.value,
    baseline_prompt_version: pin.value.trim() || null }));
  [featureSel, curSel, baseSel].forEach((el) => el.addEventListener('change', apply));
  pin.addEventListener('change', apply);
  const body = h('div');
  view.append(
    h('div.page-head', null, h('h1', null, 'Drift'),
      h('span.sub', null, `${feature || 'all features'} · last ${current} against ${pinned ? `prompt version ${pinned} in ` : ''}the ${baseline} before`)),
    h('div.toolbar.drift-controls', null,
      h('label', null, 'Feature ', featureSel), h('label', null, 'Current ', curSel),
      h('label', null, 'Baseline ', baseSel), h('label', null, 'Pinned prompt version ', pin)),
    body);
  loadFeatures(featureSel, feature, signal);
  const query = { current, baseline, feature: feature || null, baseline_prompt_version: pinned || null };
  const inputs = h('div');
  view.append(panel('What users ask (input embeddings)', inputs, { wide: true,
    sub: 'questions of sampled traces embedded in-process; asked after the report because it takes seconds' }));
  const topics = h('div');
  view.append(panel('What users ask about (topics)', topics, { wide: true, id: 'topic-drift',
    sub: 'topics named by spans (metadata "topic"), else clusters of the baseline\'s questions' }));
  fill(body, () => api('/api/v1/drift', { query, signal }), report, 'No LLM calls in either window.');
  // one after the other: both embed the same sampled questions, the second from the embedder's cache
  fill(inputs, () => api('/api/v1/drift/inputs', { query, signal }), embeddingReport, 'No questions in either window.')
    .then(() => fill(topics, () => api('/api/v1/drift/topics', { query, signal }), topicReport, 'No questions in either window.'));
}

function topicReport(r) {
  const s = r.signal;
  const chi2 = s.tests[0] || {};
  const js = s.tests[1] || {};
  if (!chi2.baseline_n && !chi2.current_n) return null;
  const change = (t) => {
    const d = t.current_share - t.baseline_share;
    if (t.baseline_n === 0 || (t.id === 'other' && d > 0.05)) return h('span.delta.up-bad', null, t.id === 'other' ? 'new' : 'appeared');
    if (t.current_n === 0) return h('span.delta.down-bad', null, 'vanished');
    if (Math.abs(d) < 0.05) return h('span.muted', null, 'steady');
    return h('span.delta', { title: 'change in share, percentage points' }, `${d > 0 ? '▲' : '▼'} ${(Math.abs(d) * 100).toFixed(0)} pp`);
  };
  const p = chi2.p_value == null ? '' : ` · chi-squared p ${chi2.p_value < 1e-4 ? '< 0.0001' : Number(chi2.p_value).toFixed(4)}`;
  return [
    h('p', null, verdictBadge(s.verdict), ' ', r.method === 'explicit' ? 'Topics named by the spans' : 'Topics found in the baseline\'s questions',
      js.effect == null ? '' : ` · Jensen-Shannon distance ${Number(js.effect).toFixed(3)}`, p),
    table([
      { label: 'Topic', value: (t) => [h('code', null, t.id), ' ', t.id === t.label ? '' : t.label] },
      { label: 'Example', cls: 'topic-example', value: (t) => t.example || f.DASH },
      { label: 'Baseline', num: true, value: (t) => f.pct(t.baseline_share) },
      { label: 'Current', num: true, value: (t) => f.pct(t.current_share) },
      { label: 'Change', value: change },
      { label: 'n (baseline / current)', num: true, value: (t) => `${f.int(t.baseline_n)} / ${f.int(t.current_n)}` },
    ], r.topics, { caption: 'Topic shares, baseline against current' }),
    h('p.muted', null, `${f.int(chi2.baseline_n)} baseline and ${f.int(chi2.current_n)} current questions. `,
      [r.note, ...s.tests.map((t) => t.note)].filter(Boolean).join('; ')),
  ];
}

function embeddingReport(r) {
  const s = r.signal;
  const far = s.tests[0] || {};
  const centroid = s.tests[1] || {};
  if (!far.baseline_n && !far.current_n) return null;
  return h('div.embedding-drift', { id: 'input-embedding' },
    h('p', null, verdictBadge(s.verdict), ' ',
      far.effect == null ? '' : `${f.pct(far.effect)} of current questions are far from the baseline's (5 % expected)`,
      centroid.effect == null ? '' : ` · centroid similarity ${Number(centroid.effect).toFixed(3)}`),
    h('p.muted', null, `${f.int(far.baseline_n)} baseline and ${f.int(far.current_n)} current questions. ${far.note || ''}`));
}

async function loadFeatures(select, chosen, signal) {
  try {
    const rows = await sqlObjects(`SELECT feature, count(*) AS n FROM spans WHERE start_ns >= ${Date.now() - 30 * 86_400_000}000000
      AND feature IS NOT NULL GROUP BY feature ORDER BY n DESC LIMIT 100`, signal);
    rows.map((r) => r.feature).sort().forEach((n) => select.append(h('option', { value: n }, n)));
  } catch {
    // the report does not need the list; a typed-in feature in the URL still works
  }
  if (chosen && ![...select.options].some((o) => o.value === chosen)) select.append(h('option', { value: chosen }, chosen));
  select.value = chosen;
}

function report(r) {
  if (!r.signals.length) return null;
  const summary = r.drifted.length
    ? h('p.notice.warn', { role: 'status' }, `Drifted: ${r.drifted.join(', ')}`)
    : h('p.notice', { role: 'status' }, 'No signal drifted.');
  const calls = h('p.muted', null, `Baseline ${f.int(r.baseline.llm_calls)} LLM calls (${f.dateTime(r.baseline.from)} – ${f.dateTime(r.baseline.to)}) · current ${f.int(r.current.llm_calls)} (${f.dateTime(r.current.from)} – ${f.dateTime(r.current.to)})`);
  const test = (s, i) => s.tests[i] || {};
  const num = (v, d = 3) => (v == null ? f.DASH : Number(v).toFixed(d));
  const sig = (v) => (v == null ? f.DASH : String(Number(Number(v).toPrecision(4))));
  const p = (v) => (v == null ? f.DASH : v < 1e-4 ? '< 0.0001' : Number(v).toFixed(4));
  return [summary, calls, panel('Signals', table([
    { label: 'Signal', value: (s) => h('code', null, s.signal) },
    { label: 'Verdict', value: (s) => verdictBadge(s.verdict) },
    { label: 'Distribution', value: (s) => picture(s) },
    { label: 'Test', value: (s) => s.tests.map((t) => t.test.replace('_', '-')).join(' · ') },
    { label: 'Effect', num: true, title: 'KS D · PSI, or Cramér’s V · Jensen-Shannon distance', value: (s) => `${num(test(s, 0).effect)} · ${num(test(s, 1).effect)}` },
    { label: 'p-value', num: true, value: (s) => p(test(s, 0).p_value) },
    { label: 'Mean (baseline → current)', num: true, value: (s) => (s.kind === 'numeric' ? `${sig(s.baseline_mean)} → ${sig(s.current_mean)}` : f.DASH) },
    { label: 'n (baseline / current)', num: true, value: (s) => `${f.int(test(s, 0).baseline_n)} / ${f.int(test(s, 0).current_n)}` },
    { label: 'Note', value: (s) => s.tests.map((t) => t.note).filter(Boolean).join('; ') },
  ], r.signals, { caption: 'Drift per signal', rowClass: (s) => `verdict-${s.verdict}` }), { wide: true,
    sub: 'grey: baseline · orange: current' }),
  h('p.muted', null, 'Thresholds: KS drifted at p < 0.01 and D ≥ 0.1; PSI drifted at ≥ 0.25 (0.1–0.25 moderate); chi-squared at p < 0.01 and V ≥ 0.1; Jensen-Shannon at ≥ 0.1; fewer than 30 values on a side is insufficient data. ',
    h('a', { href: link('compare') }, 'Compare two variants →'))];
}

function picture(s) {
  if (s.kind === 'numeric') return s.histogram ? overlay(s.histogram, `${s.signal} distribution`) : null;
  const cats = Object.entries(s.categories || {}).sort((x, y) => y[1][1] - x[1][1]).slice(0, 4);
  return h('ul.cat-shares', null, cats.map(([k, [b, c]]) => h('li', null, h('code', null, k), ` ${f.pct(b)} → ${f.pct(c)}`)));
}
