// Labelling one queue: the next pending trace's question, answer and retrieved documents, and the
// scorecard's rubric as a form. Keyboard first: the first choice has focus, digits pick an option of
// the focused metric, Enter (or Ctrl+Enter in the comment) submits and moves on, S skips.
import { h, mount, field } from '../dom.js';
import { api } from '../api.js';
import { link } from '../router.js';
import { badge, errorBox, empty } from '../components.js';
import { textBlock, documents } from '../messages.js';
import * as f from '../format.js';

export async function labelQueue(view, ctx) {
  const id = ctx.arg;
  const queue = await api(`/api/v1/review/queues/${encodeURIComponent(id)}`, { signal: ctx.signal });
  const progress = h('div.review-progress', { 'aria-live': 'polite' });
  const body = h('div');
  const status = h('p.faint', { id: 'review-status', 'aria-live': 'polite' });
  mount(view,
    h('p.faint', null, h('a', { href: link('review') }, '← Review')),
    h('div.page-head', null, h('h1', null, queue.name),
      h('span.sub', null, queue.scorecard ? `labelled with scorecard ${queue.scorecard}` : 'no scorecard'),
      queue.scorecard ? h('div.actions', null, h('a.btn', { href: link('calibration', { scorecard: queue.scorecard }) }, 'Calibration')) : null),
    progress, status, body);
  if (!queue.rubric) {
    mount(body, empty('This queue has no scorecard, so there is no rubric to label with here; label it through the API, naming a scorecard.'));
    return;
  }
  const show = async (message) => {
    const next = await api(`/api/v1/review/queues/${encodeURIComponent(id)}/next`, { signal: ctx.signal });
    showProgress(progress, next.progress);
    status.textContent = message || '';
    if (!next.item) {
      mount(body, h('div.state.empty', { id: 'review-finished' }, h('p', null, 'Every item of this queue is labelled or skipped.'),
        h('a.btn.primary', { href: link('calibration', { scorecard: queue.scorecard }) }, 'See the calibration report')));
      return;
    }
    mount(body, itemView(next.item, queue.rubric, {
      label: async (scores, comment) => {
        await api(`/api/v1/review/queues/${encodeURIComponent(id)}/items/${next.item.trace_id}/label`,
          { method: 'POST', body: { scores, comment: comment || undefined } });
        await show(`Labelled trace ${f.shortId(next.item.trace_id)}.`);
      },
      skip: async () => {
        await api(`/api/v1/review/queues/${encodeURIComponent(id)}/items/${next.item.trace_id}/skip`, { method: 'POST' });
        await show(`Skipped trace ${f.shortId(next.item.trace_id)}.`);
      },
    }));
    const first = body.querySelector('.rubric input');
    if (first) first.focus();
  };
  await show();
}

function showProgress(el, p) {
  const settled = p.done + p.skipped;
  mount(el, h('progress', { max: Math.max(1, p.total), value: settled, 'aria-label': 'Review progress' }),
    h('span', { id: 'review-count' }, `${f.int(p.done)} of ${f.int(p.total)} labelled`),
    p.skipped ? badge(`${f.int(p.skipped)} skipped`, 'warn') : null);
}

function itemView(item, rubric, actions) {
  const trace = h('div.panel', null,
    h('p.faint', null, item.feature ? `${item.feature} · ` : '', item.start_time ? f.dateTime(item.start_time) : '', ' · ',
      h('a', { href: link('trace', null, item.trace_id), target: '_blank', rel: 'noopener' }, `trace ${f.shortId(item.trace_id)}`)),
    item.found ? null : h('p.notice.warn', null, 'This trace is no longer stored (past retention?): label it or skip it.'),
    h('h3', null, 'Question'), h('div.review-text', { id: 'review-question' }, textBlock(item.question || '(none)')),
    h('h3', null, 'Answer'), h('div.review-text.answer', { id: 'review-answer' }, textBlock(item.answer || '(none)')),
    item.documents.length ? [h('h3', null, `Retrieved documents (${item.documents.length})`), documents(item.documents)] : null);
  return h('div.review-item', null, trace, rubricForm(rubric, actions));
}

function rubricForm(rubric, actions) {
  const comment = h('textarea', { id: 'review-comment', rows: 3, maxLength: 4000, placeholder: 'Why (optional)' });
  const note = h('div', { 'aria-live': 'assertive' });
  const groups = rubric.fields.map((fd, gi) => fieldset(fd, gi));
  const form = h('form.rubric.panel', { id: 'rubric-form', 'aria-label': `Rubric of ${rubric.scorecard}` },
    h('h3', null, 'Your judgement'), groups, field('Comment', comment),
    h('div.actions', null,
      h('button.btn.primary', { type: 'submit', id: 'review-submit' }, 'Submit and next'),
      h('button.btn', { type: 'button', id: 'review-skip', onclick: () => run(actions.skip) }, 'Skip')),
    h('p.keys', null, h('kbd', null, '1'), '–', h('kbd', null, '9'), ' pick in the focused metric · ',
      h('kbd', null, 'Enter'), ' submit · ', h('kbd', null, 'S'), ' skip'),
    note);
  async function run(fn) {
    try {
      await fn();
    } catch (e) {
      mount(note, errorBox(e, null, 'Not saved'));
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const scores = {};
    for (const fd of rubric.fields) {
      const picked = form.querySelector(`input[name="m-${CSS.escape(fd.metric)}"]:checked`);
      if (picked) scores[fd.metric] = fd.type === 'numeric' ? Number(picked.value) : picked.value;
    }
    if (!Object.keys(scores).length) {
      mount(note, h('p.notice.warn', { role: 'alert' }, 'Pick at least one label first.'));
      return;
    }
    run(() => actions.label(scores, comment.value.trim()));
  });
  form.addEventListener('keydown', (e) => {
    const inText = e.target === comment;
    if (e.key === 'Enter' && (!inText || e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); return; }
    if (inText || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 's' || e.key === 'S') { e.preventDefault(); run(actions.skip); return; }
    const digit = Number(e.key);
    const group = e.target.closest('fieldset');
    if (group && digit >= 1 && digit <= 9) {
      const option = group.querySelectorAll('input')[digit - 1];
      if (option) { e.preventDefault(); option.checked = true; option.focus(); }
    }
  });
  return form;
}

function fieldset(fd, gi) {
  // pass before fail reads naturally; labels keep the rubric's order; a numeric scale runs min..max
  const ordered = fd.type === 'boolean' ? ['pass', 'fail']
    : fd.type === 'numeric' ? Array.from({ length: fd.max - fd.min + 1 }, (_, i) => String(fd.min + i))
      : fd.labels;
  return h('fieldset', { dataset: { metric: fd.metric } },
    h('legend', null, fd.metric, ' ', h('span.faint', null, `(${fd.evaluator}${fd.type === 'numeric' ? `, ${fd.min}–${fd.max}` : ''})`)),
    h('div.options', { role: 'radiogroup', 'aria-label': fd.metric }, ordered.map((v, i) => h('label', null,
      h('input', { type: 'radio', name: `m-${fd.metric}`, value: v, id: `m-${gi}-${i}` }),
      i < 9 ? h('kbd', { 'aria-hidden': 'true' }, String(i + 1)) : null, v))));
}
