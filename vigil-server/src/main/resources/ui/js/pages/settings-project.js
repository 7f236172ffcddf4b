// This project's settings: price overrides, PII masking (mode and custom rules), retention and the
// feature attribute. Each panel saves only its own fields (PATCH /api/v1/project/settings).
import { h, mount, field } from '../dom.js';
import { api } from '../api.js';
import { panel, errorBox, loading } from '../components.js';

const PRICE_FIELDS = [
  ['model_pattern', 'Model (regex, whole name)', 'text'], ['provider', 'Provider', 'text'],
  ['input_per_million', 'Input $/M', 'number'], ['output_per_million', 'Output $/M', 'number'],
  ['cache_read_per_million', 'Cache read $/M', 'number'], ['cache_write_per_million', 'Cache write $/M', 'number'],
  ['reasoning_per_million', 'Reasoning $/M', 'number'],
];
const RULE_FIELDS = [['name', 'Name (the marker)', 'text'], ['pattern', 'Pattern (Java regex)', 'text']];
const PII_MODES = [
  ['mask', 'Mask — replace with [EMAIL], [PHONE], …'],
  ['hash', 'Hash — [EMAIL:1a2b3c4d5e6f], equal values stay joinable'],
  ['off', 'Off — store text as received'],
];

export async function projectSettings(el, ctx) {
  mount(el, loading('Loading project settings…'));
  let project;
  try {
    project = await api('/api/v1/project', { signal: ctx.signal });
  } catch (e) {
    if (e.name !== 'AbortError') mount(el, errorBox(e, ctx.refresh));
    return;
  }
  const s = project.settings;
  const prices = pricesPanel(s, ctx.params);
  mount(el, prices, piiPanel(s), retentionPanel(s));
  if (ctx.params.get('price_model')) {
    prices.scrollIntoView({ block: 'start' });
    const input = prices.querySelector('tbody tr:last-child input[name="input_per_million"]');
    if (input) input.focus({ preventScroll: true });
  }
}

/** PATCHes `body`, then shows what happened in `status`. */
async function save(body, status, button) {
  button.disabled = true;
  mount(status, h('span.muted', null, 'Saving…'));
  try {
    await api('/api/v1/project/settings', { method: 'PATCH', body });
    mount(status, h('span.badge.ok', { role: 'status' }, 'Saved'));
    return true;
  } catch (e) {
    mount(status, errorBox(e));
    return false;
  } finally {
    button.disabled = false;
  }
}

/**
 * A table of editable rows with add/remove. rowsOf() reads the current values back, numbers as
 * numbers and blanks as null.
 */
function rowsEditor(id, fields, initial, addLabel) {
  const tbody = h('tbody');
  let n = 0;
  const addRow = (values = {}) => {
    n += 1;
    const tr = h('tr', null, fields.map(([key, label, type]) => h('td', null,
      h('input', { type, name: key, id: `${id}-${key}-${n}`, value: values[key] ?? '', 'aria-label': `${label}, row ${n}`,
        step: type === 'number' ? 'any' : null, min: type === 'number' ? '0' : null }))),
    h('td', null, h('button.btn.tiny.danger', { type: 'button', 'aria-label': `Remove row ${n}`, onclick: () => tr.remove() }, 'Remove')));
    tbody.append(tr);
    return tr;
  };
  initial.forEach(addRow);
  const wrap = h('div.table-wrap', null, h('table.data.rules-table', null,
    h('thead', null, h('tr', null, fields.map(([, label]) => h('th', { scope: 'col' }, label)), h('th', null, h('span.sr-only', null, 'Actions')))),
    tbody));
  const add = h('button.btn', { type: 'button', onclick: () => { const tr = addRow(); tr.querySelector('input').focus(); } }, addLabel);
  const rowsOf = () => [...tbody.rows].map((tr) => Object.fromEntries(fields.map(([key, , type]) => {
    const v = tr.querySelector(`input[name="${key}"]`).value.trim();
    return [key, v === '' ? null : type === 'number' ? Number(v) : v];
  })));
  return { el: h('div', null, wrap, add), addRow, rowsOf, tbody };
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether an override's (Java) pattern already covers the model; JS regex is close enough here. */
function matches(pattern, model) {
  try {
    return new RegExp(`^(?:${pattern})$`, 'i').test(model);
  } catch {
    return false;
  }
}

function pricesPanel(s, params) {
  const editor = rowsEditor('price', PRICE_FIELDS, s.price_overrides || [], 'Add a price');
  const wanted = params.get('price_model');
  if (wanted && !(s.price_overrides || []).some((o) => matches(o.model_pattern, wanted))) {
    editor.addRow({ model_pattern: escapeRegex(wanted), provider: params.get('price_provider') || '' });
  }
  const status = h('div', { 'aria-live': 'polite' });
  const button = h('button.btn.primary', { type: 'submit' }, 'Save prices');
  const form = h('form', null,
    h('p.muted', null, 'USD per million tokens. Overrides win over the shipped price table; they apply to calls received from now on. ',
      'Blank cache and reasoning prices fall back to the input and output prices.'),
    editor.el, h('div.toolbar', null, button), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const rows = editor.rowsOf().filter((r) => r.model_pattern);
    const bad = rows.find((r) => r.input_per_million == null || r.output_per_million == null);
    if (bad) { mount(status, errorBox(new Error(`“${bad.model_pattern}” needs an input and an output price.`))); return; }
    save({ price_overrides: rows }, status, button);
  });
  return panel('Price overrides', form, { id: 'prices', wide: true });
}

function piiPanel(s) {
  const mode = h('select', { id: 'pii-mode', name: 'pii_mode' },
    PII_MODES.map(([v, label]) => h('option', { value: v, selected: s.pii_mode === v }, label)));
  const editor = rowsEditor('rule', RULE_FIELDS, s.pii_rules || [], 'Add a rule');
  const status = h('div', { 'aria-live': 'polite' });
  const button = h('button.btn.primary', { type: 'submit' }, 'Save PII settings');
  const form = h('form', null,
    field('Masking mode', mode, 'Applied before anything is stored; already stored data is not changed.'),
    h('div.io-label', null, 'Custom rules'),
    h('p.muted', null, 'Text matching a pattern is replaced by [NAME] like the built-in detectors (emails, phones, cards, IBANs, SSNs, IPs, secrets).'),
    editor.el, h('div.toolbar', null, button), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save({ pii_mode: mode.value, pii_rules: editor.rowsOf().filter((r) => r.name && r.pattern) }, status, button);
  });
  return panel('PII masking', form, { id: 'pii' });
}

function retentionPanel(s) {
  const days = h('input', { type: 'number', id: 'retention-days', min: 1, max: 3650, step: 1, required: true, value: s.retention_days });
  const attr = h('input', { type: 'text', id: 'feature-attribute', required: true, value: s.feature_attribute });
  const status = h('div', { 'aria-live': 'polite' });
  const button = h('button.btn.primary', { type: 'submit' }, 'Save');
  const form = h('form', null,
    field('Keep data for (days)', days, 'Older traces are deleted by the retention job, 1 to 3650 days.'),
    field('Feature attribute', attr, 'The span or resource attribute that names the feature (default vigil.feature, else the service name).'),
    h('div.toolbar', null, button), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save({ retention_days: Number(days.value), feature_attribute: attr.value.trim() }, status, button);
  });
  return panel('Retention and features', form, { id: 'retention' });
}
