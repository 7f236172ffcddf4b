// "Add to dataset" on the trace page: puts the trace into a named regression set (created when new),
// so it can be exported as JSONL later. Existing datasets are offered as suggestions.
import { h, mount, field, uid } from '../dom.js';
import { api } from '../api.js';

export function addToDataset(traceId) {
  const listId = uid('datasets');
  const input = h('input', { type: 'text', required: true, list: listId,
    placeholder: 'e.g. regressions', autocomplete: 'off', title: 'letters, digits, _ . -' });
  const options = h('datalist', { id: listId });
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button.btn', { type: 'submit' }, 'Add to dataset');
  const form = h('form.form-row.dataset-add', { 'aria-label': 'Add this trace to a dataset' },
    field('Dataset', input), options, h('div.field.narrow', null, button));

  api('/api/v1/datasets').then((r) => mount(options, r.datasets.map((d) => h('option', { value: d.name }))))
    .catch(() => { /* suggestions only: adding still works without them */ });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = input.value.trim();
    button.disabled = true;
    try {
      await api('/api/v1/datasets', { method: 'POST', body: { name } });
      const r = await api(`/api/v1/datasets/${encodeURIComponent(name)}/items`, { method: 'POST', body: { trace_ids: [traceId] } });
      mount(result, h('p.notice', { role: 'status' },
        r.added ? `Added to dataset “${name}”.` : `Already in dataset “${name}”.`));
    } catch (err) {
      mount(result, h('p.notice.warn', { role: 'status' }, `Not added: ${err.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', null, form, result);
}
