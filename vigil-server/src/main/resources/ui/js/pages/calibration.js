// Judge calibration: for one scorecard, how far each evaluator agrees with the people who labelled
// the same traces — agreement, Cohen's kappa (quadratic-weighted on numeric scales), Spearman, n —
// with the evaluators below the agreement threshold flagged, and each one's confusion table.
import { h, mount, field } from '../dom.js';
import { api } from '../api.js';
import { link, go, withParams } from '../router.js';
import { fill, panel, table, badge } from '../components.js';
import { reviewStyles } from './review.js';
import * as f from '../format.js';

export default { title: 'Calibration', filters: false, render };

const num = (v, digits = 2) => (v == null ? '—' : Number(v).toFixed(digits));

async function render(view, ctx) {
  reviewStyles();
  const cards = (await api('/api/v1/scorecards', { signal: ctx.signal })).scorecards;
  const chosen = ctx.params.get('scorecard') || (cards[0] && cards[0].name) || '';
  const threshold = ctx.params.get('min_agreement') || '0.85';
  const pick = h('select', { id: 'calib-scorecard' }, cards.map((c) => h('option', { value: c.name, selected: c.name === chosen }, c.name)));
  const min = h('input', { id: 'calib-min', type: 'number', min: 0, max: 1, step: 0.01, value: threshold });
  const apply = () => go(withParams({ scorecard: pick.value, min_agreement: min.value === '0.85' ? null : min.value }));
  pick.addEventListener('change', apply);
  min.addEventListener('change', apply);
  const report = h('div', { id: 'calibration-report' });
  mount(view,
    h('div.page-head', null, h('h1', null, 'Calibration'),
      h('span.sub', null, 'evaluators against people, on the traces both judged'),
      h('div.actions', null, h('a.btn', { href: link('review') }, 'Review queues'))),
    h('div.calib-controls', null, field('Scorecard', pick), field('Flag below agreement', min)),
    report);
  if (!chosen) {
    mount(report, h('div.state.empty', null, h('p', null, 'No scorecards in this project yet.')));
    return;
  }
  await fill(report, () => api('/api/v1/calibration', { query: { scorecard: chosen, min_agreement: threshold }, signal: ctx.signal }),
    (r) => [
      r.flagged.length
        ? h('p.notice.warn', { role: 'status' }, `Below ${num(r.min_agreement)} agreement: ${r.flagged.join(', ')}. Their scores disagree with people too often to trust unchecked.`)
        : null,
      table([
        { label: 'Metric', value: (m) => m.metric },
        { label: 'Evaluator', value: (m) => m.evaluator },
        { label: 'Pairs (n)', num: true, value: (m) => f.int(m.n) },
        { label: 'Agreement', num: true, value: (m) => (m.agreement == null ? '—' : f.pct(m.agreement)) },
        { label: 'Cohen\'s κ', num: true, title: 'unweighted for pass/fail and labels, quadratic-weighted for numeric scales',
          value: (m) => [num(m.kappa), m.kappa != null && m.kappa_weights !== 'unweighted' ? h('span.faint', null, ` (${m.kappa_weights})`) : null] },
        { label: 'Spearman ρ', num: true, value: (m) => num(m.spearman) },
        { label: 'Status', value: (m) => (m.n === 0 ? badge('no pairs yet', '') : m.flagged ? badge('flagged', 'err') : badge('ok', 'ok')) },
      ], r.metrics, { caption: `Calibration of ${r.scorecard}`, rowClass: (m) => (m.flagged ? 'err' : null) }),
      h('div.grid', null, r.metrics.filter((m) => m.n > 0).map((m) => panel(`${m.metric}: evaluator × person`, confusion(m)))),
    ], 'Nothing to report.');
}

/** Rows: what the evaluator said; columns: what the person said; the diagonal is agreement. */
function confusion(m) {
  return h('table.confusion', { 'aria-label': `Confusion table of ${m.metric}` },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'eval ╲ person'), m.categories.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, m.confusion.map((row, i) => h('tr', null, h('th', { scope: 'row' }, m.categories[i]),
      row.map((n, j) => h(`td${i === j ? '.agree' : ''}`, null, f.int(n)))))));
}
