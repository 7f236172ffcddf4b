// Recent change events (sent through the API, recorded here, or detected from new span attributes)
// and a form to record one. The form posts a `change` item through the native ingest API, which
// takes the UI's session cookie on /api/v1/** like every other endpoint.
import { h } from '../dom.js';
import { api } from '../api.js';
import { badge, fill, panel, table } from '../components.js';
import * as f from '../format.js';

const TYPES = ['deployment', 'prompt_version', 'model_version', 'config', 'other'];
const DAYS = 7;

export function changesPanel(ctx) {
  const list = h('div');
  const load = () => {
    const now = Date.now();
    return fill(list, () => api('/api/v1/changes', { signal: ctx.signal, query: {
      from: new Date(now - DAYS * 86_400_000).toISOString(), to: new Date(now + 3_600_000).toISOString() } }),
    (r) => (r.changes.length ? table([
      { label: 'Time', value: (c) => f.dateTime(c.time) },
      { label: 'Type', value: (c) => c.type },
      { label: 'Feature', value: (c) => c.feature || 'all' },
      { label: 'Description', value: (c) => c.description || f.DASH },
      { label: 'Source', value: (c) => badge(c.source, c.source === 'detected' ? 'warn' : '') },
    ], [...r.changes].sort((a, b) => Date.parse(b.time) - Date.parse(a.time)), { caption: 'Recent changes' }) : null),
    `No changes in the last ${DAYS} days.`);
  };
  const body = h('div', null, changeForm(load), list);
  load();
  return panel('Changes', body, { wide: true, id: 'alerts-changes',
    sub: `the last ${DAYS} days; firing alerts name the changes before them that overlap their slice` });
}

function changeForm(reload) {
  const type = h('select', { name: 'change_type', 'aria-label': 'Change type' }, TYPES.map((t) => h('option', { value: t }, t)));
  const feature = h('input', { name: 'feature', placeholder: 'feature (empty: all)', 'aria-label': 'Feature' });
  const description = h('input', { name: 'description', placeholder: 'what changed', size: 32, 'aria-label': 'Description' });
  const when = h('input', { name: 'time', type: 'datetime-local', 'aria-label': 'Time (empty: now)' });
  const status = h('span.form-status', { role: 'status' });
  return h('form.inline-form', { 'aria-label': 'Record a change', onsubmit: async (e) => {
    e.preventDefault();
    const item = { type: 'change', id: `ui-${crypto.randomUUID()}`, change_type: type.value };
    if (feature.value.trim()) item.feature = feature.value.trim();
    if (description.value.trim()) item.description = description.value.trim();
    if (when.value) {
      const t = new Date(when.value); // datetime-local is the browser's local time
      if (Number.isNaN(t.getTime())) { status.textContent = 'the time is not a valid date'; return; }
      item.timestamp = t.toISOString();
    }
    try {
      const r = await api('/api/v1/ingest', { method: 'POST', body: { items: [item] } });
      const res = r.results[0];
      if (res.status !== 201) { status.textContent = res.error; return; }
      status.textContent = 'Change recorded.';
      feature.value = '';
      description.value = '';
      when.value = '';
      reload();
    } catch (err) {
      status.textContent = err.message;
    }
  } }, type, feature, description, when, h('button.btn', { type: 'submit' }, 'Record a change'), status);
}
