// Scorecards: those in force (files read-only, the project's own editable), an editor that saves
// through PUT /api/v1/scorecards/{name} and shows each validation problem beside its line, and the
// scorecard files whose latest edit was refused (the previous version stays in force).
import { h, mount, field } from '../dom.js';
import { api } from '../api.js';
import { link, go } from '../router.js';
import { fill, panel, table, badge, errorBox } from '../components.js';
import { scorecardEditor } from './scorecard-editor.js';
import { int, usd, plural } from '../format.js';

export default { title: 'Scorecards', filters: false, render };

const TEMPLATE = `name: my-scorecard
feature: support-chat
target: llm_call
sampling:
  rate: 1.0
metrics:
  - name: concise
    type: length
    max: 1200
`;

async function render(view, ctx) {
  const name = ctx.params.get('name');
  const list = h('div');
  const problems = h('div');
  const pipeline = h('p.sub', { id: 'scoring-pipeline' });
  const editor = h('div');
  view.append(
    h('div.page-head', null, h('h1', null, 'Scorecards'),
      h('span.sub', null, 'how sampled calls are judged; see docs/scorecards.md'),
      h('a.btn', { href: link('scorecards', { name: null, new: '1' }) }, 'New scorecard')),
    pipeline,
    problems,
    panel('Scorecards in force', list, { id: 'scorecards' }),
    editor);
  // file problems are a notice when there are some, and nothing at all otherwise
  api('/api/v1/scoring/status', { signal: ctx.signal })
    .then((st) => {
      mount(pipeline, pipelineLine(st));
      const n = fileProblems(st.scorecard_file_problems || []);
      if (n) mount(problems, n);
    })
    .catch((e) => { if (e.name !== 'AbortError') mount(problems, errorBox(e)); });
  const loadList = () => fill(list, () => api('/api/v1/scorecards', { signal: ctx.signal }), (res) => res.scorecards.length ? table([
    { label: 'Name', value: (c) => c.name },
    { label: 'Source', value: (c) => (c.source === 'file' ? badge('file', 'info') : badge('api', 'ok')), title: 'files are edited on disk and reloaded' },
    { label: 'Features', value: (c) => (c.features.length ? c.features.join(', ') : 'all') },
    { label: 'Target', value: (c) => c.target.replace('_', ' ') },
    { label: 'Sampling', value: (c) => `${Math.round(c.sampling.rate * 1000) / 10} %`, num: true },
    { label: 'Metrics', value: (c) => c.metrics.map((m) => `${m.name} (${m.type})`).join(', ') },
    { label: 'Version', value: (c) => h('code', null, c.version) },
  ], res.scorecards, { rowHref: (c) => link('scorecards', { name: c.name, new: null }) }) : null,
  'No scorecards yet: create one with “New scorecard”.');
  loadList();

  if (name) {
    fill(editor, () => api(`/api/v1/scorecards/${encodeURIComponent(name)}`, { signal: ctx.signal }), (card) =>
      panel(`Scorecard ${card.name}`, scorecardEditor({
        name: card.name, yaml: card.yaml, readOnly: card.source === 'file', file: card.file,
        onSaved: loadList,
      }), { id: 'editor' }));
  } else if (ctx.params.get('new')) {
    mount(editor, panel('New scorecard', newCard(), { id: 'editor' }));
  }
}

/** A new scorecard: its name, then the editor; the name in the YAML must match. */
function newCard() {
  const nameInput = h('input', { type: 'text', id: 'scorecard-name', required: true, maxLength: 100, autocomplete: 'off',
    pattern: '[A-Za-z0-9][A-Za-z0-9_.-]*', value: 'my-scorecard' });
  const edit = scorecardEditor({
    name: () => nameInput.value.trim(), yaml: TEMPLATE, readOnly: false,
    onSaved: (card) => go(link('scorecards', { name: card.name, new: null })),
  });
  return h('div', null, field('Name (must match the YAML’s name)', nameInput), edit);
}

/** One line on the pipeline: what waits to be scored, what failed, and today's judge spend. */
function pipelineLine(st) {
  if (!st.enabled) return 'Scoring is off (scoring.enabled=false): spans are kept and scored once it is on.';
  const j = st.judge_spend;
  return [
    `Backlog ${plural(st.backlog_spans, 'span')}` + (st.backlog_spans ? ` (oldest waiting ${Math.round(st.lag_seconds)} s)` : '')
      + (st.capture_paced ? ` — capture paced to ${int(st.capture_paced_spans_per_second)} spans/s until scoring catches up` : ''),
    `${int(st.retrying)} retrying`,
    plural(st.dead_letters, 'dead letter'),
    `LLM judges today: ${usd(j.cost_usd)} of ${usd(j.daily_budget_usd)} (${plural(j.calls, 'call')})` + (j.exhausted ? ' — budget spent' : ''),
  ].join(' · ');
}

function fileProblems(items) {
  if (!items.length) return null;
  return h('div.notice.warn', { role: 'alert', id: 'file-problems' },
    h('p', null, h('b', null, 'Scorecard files with problems.'),
      ' Their previous version (if any) stays in force until the file is fixed.'),
    h('ul', null, items.map((p) => h('li', null, h('code', null, p.file), h('ul', null, p.problems.map((x) => h('li', null, x)))))));
}


