// The YAML editor of one scorecard: a textarea with a line-number gutter; after a refused save each
// problem is marked on its line in the gutter and listed below with its line, and choosing it puts
// the cursor on that line.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { errorBox } from '../components.js';

/** "scorecard 'x':7:5: message" → {line: 7, column: 5, message}; a problem without a place has line null. */
export function parseProblem(text) {
  const m = /:(\d+):(\d+): (.*)$/s.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), message: m[3] } : { line: null, column: null, message: text };
}

/** opts: {name (string or () => string), yaml, readOnly, file, onSaved(card)} */
export function scorecardEditor({ name, yaml, readOnly, file, onSaved }) {
  const area = h('textarea.yaml', { id: 'scorecard-yaml', rows: 18, readOnly: !!readOnly,
    'aria-label': 'Scorecard YAML', 'aria-describedby': 'scorecard-problems' });
  area.spellcheck = false;
  area.value = yaml || '';
  const gutter = h('div.gutter', { 'aria-hidden': 'true' });
  const result = h('div', { id: 'scorecard-problems', 'aria-live': 'polite' });
  let problems = [];

  const drawGutter = () => {
    const lines = area.value.split('\n').length;
    const byLine = new Map();
    for (const p of problems) if (p.line != null) byLine.set(p.line, [...(byLine.get(p.line) || []), p.message]);
    mount(gutter, ...Array.from({ length: lines }, (_, i) => {
      const msgs = byLine.get(i + 1);
      return h(`div.ln${msgs ? '.bad' : ''}`, msgs ? { title: msgs.join('\n'), dataset: { line: String(i + 1) } } : null,
        msgs ? `● ${i + 1}` : String(i + 1));
    }));
    gutter.scrollTop = area.scrollTop;
  };
  area.addEventListener('input', drawGutter);
  area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });

  const goToLine = (line) => {
    const lines = area.value.split('\n');
    const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(at, at + (lines[line - 1] || '').length);
  };

  const showProblems = (list) => {
    problems = list.map(parseProblem);
    drawGutter();
    mount(result, h('div.notice.error', { role: 'alert' },
      h('p', null, h('b', null, `The scorecard was not saved: ${list.length} problem${list.length === 1 ? '' : 's'}.`)),
      h('ul.problems', null, problems.map((p) => h('li', null,
        p.line != null
          ? h('button.linkish', { type: 'button', onclick: () => goToLine(p.line) }, `Line ${p.line}, column ${p.column}`)
          : null,
        p.line != null ? ': ' : null, p.message)))));
  };

  const save = h('button.btn', { type: 'submit', disabled: !!readOnly }, 'Save');
  const form = h('form.scorecard-form', null, h('div.yaml-editor', null, gutter, area),
    readOnly
      ? h('p.faint', null, `Defined in ${file || 'a file'}: edit the file; Vigil reloads it within seconds.`)
      : h('div.actions', null, save),
    result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const n = typeof name === 'function' ? name() : name;
    if (!n) { mount(result, errorBox(new Error('Give the scorecard a name.'))); return; }
    save.disabled = true;
    try {
      const card = await api(`/api/v1/scorecards/${encodeURIComponent(n)}`, { method: 'PUT', raw: area.value });
      problems = [];
      drawGutter();
      mount(result, h('div.notice.ok', { role: 'status' }, h('p', null, `Saved ${card.name}, version ${card.version}.`)));
      if (onSaved) onSaved(card);
    } catch (err) {
      if (err.status === 400 && err.body && Array.isArray(err.body.problems)) showProblems(err.body.problems);
      else mount(result, errorBox(err));
    } finally {
      save.disabled = false;
    }
  });
  drawGutter();
  return form;
}
