// Human review: the project's annotation queues with their progress, a form to build one (traces
// matching a search, or the worst N by a metric), and — at /ui/review/<queue id> — the labelling
// view (review-item.js).
import { h, mount, field } from '../dom.js';
import { api } from '../api.js';
import { link, go } from '../router.js';
import { fill, panel, table, badge, errorBox } from '../components.js';
import { labelQueue } from './review-item.js';
import * as f from '../format.js';

export default { title: 'Review', filters: false, render };

const RANGES = [['1h', 1], ['24h', 24], ['7d', 24 * 7], ['30d', 24 * 30]];

/** The review pages' own stylesheet, added once (same origin, so the CSP allows it). */
export function reviewStyles() {
  if (!document.querySelector('link[data-review-css]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/ui/css/review.css', dataset: { reviewCss: '1' } }));
  }
}

async function render(view, ctx) {
  reviewStyles();
  if (ctx.arg) return labelQueue(view, ctx);
  const list = h('div');
  const cards = (await api('/api/v1/scorecards', { signal: ctx.signal })).scorecards;
  mount(view,
    h('div.page-head', null, h('h1', null, 'Review'), h('span.sub', null, 'annotation queues: people label traces with a scorecard\'s rubric'),
      h('div.actions', null, h('a.btn', { href: link('calibration') }, 'Calibration report'))),
    panel('Queues', list, { wide: true }),
    panel('New queue', createForm(cards, ctx), { wide: true, id: 'new-queue' }));
  await fill(list, () => api('/api/v1/review/queues', { signal: ctx.signal }), ({ queues }) => (queues.length ? table([
    { label: 'Queue', value: (q) => q.name },
    { label: 'Scorecard', value: (q) => q.scorecard || h('span.faint', null, 'none') },
    { label: 'From', value: (q) => origin(q.origin) },
    { label: 'Done', num: true, value: (q) => `${f.int(q.progress.done)} / ${f.int(q.progress.total)}` },
    { label: 'Skipped', num: true, value: (q) => f.int(q.progress.skipped) },
    { label: 'State', value: (q) => (q.progress.pending ? badge(`${f.int(q.progress.pending)} to label`, 'info') : badge('finished', 'ok')) },
    { label: 'Created', value: (q) => f.dateTime(q.created_at) },
  ], queues, { rowHref: (q) => link('review', null, q.id), caption: 'Annotation queues' }) : null),
  'No queues yet: build one below.');
}

function origin(o) {
  if (o && o.worst) return `worst ${o.worst.limit ?? 20} by ${o.worst.metric}`;
  if (o && o.filter) {
    const parts = Object.entries(o.filter).map(([k, v]) => `${k}=${v}`);
    return parts.length ? `search: ${parts.join(', ')}` : 'search: latest traces';
  }
  return '';
}

function createForm(cards, ctx) {
  const name = h('input', { id: 'q-name', required: true, maxLength: 200, placeholder: 'e.g. Refusals this week' });
  const card = h('select', { id: 'q-scorecard' }, cards.map((c) => h('option', { value: c.name }, c.name)));
  const kind = h('select', { id: 'q-kind' }, h('option', { value: 'filter' }, 'Traces matching a search'),
    h('option', { value: 'worst' }, 'Worst traces by a metric'));
  const range = h('select', { id: 'q-range' }, RANGES.map(([k]) => h('option', { value: k, selected: k === '24h' }, `last ${k}`)));
  const feature = h('input', { id: 'q-feature', placeholder: 'any feature' });
  const errors = h('input', { type: 'checkbox', id: 'q-errors' });
  const metric = h('select', { id: 'q-metric' });
  const limit = h('input', { id: 'q-limit', type: 'number', min: 1, max: 500, value: 20 });
  const note = h('div', { 'aria-live': 'polite' });
  const searchFields = h('div.form-row', null, field('Feature', feature), h('label.check', null, errors, ' errors only'));
  const worstFields = h('div.form-row', null, field('Metric', metric));
  const sync = () => {
    const c = cards.find((x) => x.name === card.value);
    mount(metric, ...(c ? c.metrics : []).map((m) => h('option', { value: m.name }, `${m.name} (${m.type})`)));
    searchFields.hidden = kind.value !== 'filter';
    worstFields.hidden = kind.value !== 'worst';
  };
  card.addEventListener('change', sync);
  kind.addEventListener('change', sync);
  sync();
  const submit = async (e) => {
    e.preventDefault();
    const hours = RANGES.find(([k]) => k === range.value)[1];
    const to = new Date();
    const from = new Date(to.getTime() - hours * 3600e3).toISOString();
    const body = { name: name.value.trim(), scorecard: card.value || undefined };
    if (kind.value === 'filter') {
      body.filter = { from, to: to.toISOString(), limit: Number(limit.value) };
      if (feature.value.trim()) body.filter.feature = feature.value.trim();
      if (errors.checked) body.filter.errors = true;
    } else {
      body.worst = { metric: metric.value, from, to: to.toISOString(), limit: Number(limit.value) };
    }
    try {
      const q = await api('/api/v1/review/queues', { method: 'POST', body });
      go(link('review', null, q.id));
    } catch (err) {
      mount(note, errorBox(err, null, 'Not created'));
    }
  };
  if (!cards.length) return h('p.faint', null, 'Define a scorecard first: a queue labels traces with a scorecard\'s rubric.');
  return h('form', { id: 'queue-form', onsubmit: submit },
    h('div.form-row', null, field('Name', name), field('Scorecard', card), field('Traces', kind), field('Time range', range),
      field('At most', limit)),
    searchFields, worstFields,
    h('button.btn.primary', { type: 'submit' }, 'Create queue'), note);
}
