// The traces explorer's filter form: the common filters in one row, the rest under "More filters",
// chips for what is active. Submitting writes the filters into the URL (shareable, survives reload).
import { h, field } from '../dom.js';
import { sqlObjects } from '../api.js';
import { spanWhere } from '../state.js';
import { withParams, go } from '../router.js';

const TEXT = [
  ['model', 'Model'], ['service', 'Service'], ['provider', 'Provider'], ['user', 'User'], ['session', 'Session'],
  ['name', 'Span name'], ['prompt_name', 'Prompt name'], ['prompt_version', 'Prompt version'],
  ['environment', 'Environment'], ['release', 'Release'], ['finish_reason', 'Finish reason'], ['tag', 'Tag'],
];
const NUMBERS = [
  ['min_latency_ms', 'Min duration (ms)'], ['max_latency_ms', 'Max duration (ms)'],
  ['min_cost', 'Min cost ($)'], ['max_cost', 'Max cost ($)'],
  ['min_tokens', 'Min tokens'], ['max_tokens', 'Max tokens'],
];
const TYPES = ['llm', 'embedding', 'retrieval', 'reranker', 'tool', 'agent', 'chain', 'guardrail', 'evaluator', 'other'];
const SUGGEST = ['model', 'service', 'provider', 'environment', 'finish_reason', 'prompt_name', 'prompt_version', 'release'];
const PRIMARY = new Set(['q', 'errors', 'model', 'user', 'sort']);

/** URL parameters the explorer passes to the API (besides the global window and feature). */
export const FILTER_KEYS = ['q', 'errors', 'sort', 'type', 'status', ...TEXT.map(([k]) => k), ...NUMBERS.map(([k]) => k)];

const LABELS = Object.fromEntries([...TEXT, ...NUMBERS, ['q', 'Text'], ['errors', 'Errors'], ['type', 'Span type'],
  ['status', 'Span status']]);

export function filterForm(params, ctx) {
  const val = (k) => params.getAll(k).join(',');
  const controls = {};
  const text = (k, label, attrs = {}) => {
    controls[k] = h('input', { type: 'text', name: k, id: `flt-${k}`, value: val(k), autocomplete: 'off', ...attrs });
    return field(label, controls[k]);
  };
  const select = (k, label, options) => {
    controls[k] = h('select', { name: k, id: `flt-${k}` }, options.map(([v, l]) => h('option', { value: v, selected: val(k) === v }, l)));
    return field(label, controls[k]);
  };
  const datalists = SUGGEST.map((k) => h('datalist', { id: `dl-${k}` }));

  const primary = h('div.form-row', null,
    wide(text('q', 'Search messages and values', { type: 'search', placeholder: 'text in prompts, answers, documents… (press /)' })),
    select('errors', 'Status', [['', 'Any'], ['true', 'With errors'], ['false', 'Without errors']]),
    text('model', 'Model', { list: 'dl-model', placeholder: 'any' }),
    text('user', 'User', { placeholder: 'any' }),
    select('sort', 'Sort', [['', 'Newest first'], ['oldest', 'Oldest first'], ['slowest', 'Slowest first'], ['costliest', 'Costliest first']]),
    h('div.field.narrow', null, h('button.btn.primary', { type: 'submit' }, 'Apply')));
  const more = TEXT.filter(([k]) => !PRIMARY.has(k)).map(([k, label]) =>
    text(k, label, SUGGEST.includes(k) ? { list: `dl-${k}`, placeholder: 'any' } : { placeholder: 'any' }));
  const moreActive = FILTER_KEYS.some((k) => !PRIMARY.has(k) && params.get(k));
  const details = h('details', { open: moreActive },
    h('summary', null, 'More filters'),
    h('div.form-row', null,
      select('type', 'Span type', [['', 'Any'], ...TYPES.map((t) => [t, t])]),
      select('status', 'Span status', [['', 'Any'], ['ok', 'ok'], ['error', 'error']]),
      ...more),
    h('div.form-row', null, NUMBERS.map(([k, label]) => text(k, label, { inputMode: 'decimal', placeholder: k.startsWith('min') ? '0' : '∞' }))),
    h('div.form-row', null, select('limit', 'Rows per page', [['', '50'], ['100', '100'], ['200', '200'], ['500', '500']])));

  const form = h('form.filters', { role: 'search', 'aria-label': 'Trace filters' }, primary, details, chips(params), ...datalists);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const changes = { cursor: null };
    for (const [k, c] of Object.entries(controls)) {
      const v = c.value.trim();
      changes[k] = k === 'q' || !v.includes(',') ? (v || null) : v.split(',').map((x) => x.trim()).filter(Boolean);
    }
    go(withParams(changes));
  });
  for (const k of ['errors', 'sort', 'type', 'status', 'limit']) {
    controls[k].addEventListener('change', () => form.requestSubmit());
  }
  suggest(datalists, ctx.signal);
  return form;
}

function wide(el) {
  el.classList.add('wide');
  return el;
}

function chips(params) {
  const active = FILTER_KEYS.filter((k) => k !== 'sort' && params.get(k));
  if (!active.length) return null;
  return h('div.chips', { 'aria-label': 'Active filters' },
    active.map((k) => h('span.chip', null, `${LABELS[k] || k}: ${k === 'errors' ? (params.get(k) === 'true' ? 'with errors' : 'without') : params.getAll(k).join(', ')}`,
      h('button', { type: 'button', 'aria-label': `Remove filter ${LABELS[k] || k}`, title: 'Remove',
        onclick: () => go(withParams({ [k]: null, cursor: null })) }, '×'))),
    active.length > 1 ? h('button.btn.tiny.ghost', { type: 'button',
      onclick: () => go(withParams(Object.fromEntries([...active.map((k) => [k, null]), ['cursor', null]]))) }, 'Clear all') : null);
}

/** Values seen in the window for the free-text fields, one grouped query for all of them. */
async function suggest(datalists, signal) {
  try {
    const rows = await sqlObjects(`SELECT ${SUGGEST.join(', ')}, count(*) AS n FROM spans WHERE ${spanWhere()}
      GROUP BY GROUPING SETS (${SUGGEST.map((k) => `(${k})`).join(', ')}) ORDER BY n DESC LIMIT 600`, signal);
    SUGGEST.forEach((k, i) => {
      const values = rows.map((r) => r[k]).filter((v) => v != null).slice(0, 50);
      datalists[i].replaceChildren(...values.map((v) => h('option', { value: v })));
    });
  } catch {
    // suggestions are a convenience: typing still works
  }
}
