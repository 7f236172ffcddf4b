// Trace detail: the trace's summary, its span tree drawn as a waterfall, and the selected span in
// full (messages, documents, attributes, events). The selected span and tab live in the URL.
import { h, mount } from '../dom.js';
import { link, remember, withParams, parse } from '../router.js';
import { badge, copyButton, facts } from '../components.js';
import { flatten, loadDetail } from '../spans.js';
import { spanDetail } from './span-detail.js';
import { addToDataset } from './dataset-add.js';
import { traceScores } from './trace-scores.js';
import * as f from '../format.js';

export default { title: 'Trace', filters: false, render };

async function render(view, ctx) {
  const traceId = ctx.arg;
  const trace = await loadDetail(view, ctx, { path: `/api/v1/traces/${encodeURIComponent(traceId)}`, what: 'Trace',
    id: traceId, back: { href: link('traces'), label: 'traces' } });
  if (!trace) return;
  const spans = flatten(trace.tree);
  const t0 = Math.min(...spans.map((s) => Date.parse(s.start_time)));
  const t1 = Math.max(...spans.map((s) => Date.parse(s.end_time)));
  const wanted = ctx.params.get('span');
  const initial = spans.find((s) => s.span_id === wanted)
    || spans.find((s) => s.status === 'error' && s.type === 'llm')
    || spans.find((s) => s.type === 'llm')
    || spans[0];

  const detail = h('div.span-detail', { id: 'span-detail', 'aria-live': 'polite' });
  const rows = new Map();
  let selected = null;
  const select = (span, focus = false) => {
    if (selected) rows.get(selected.span_id).setAttribute('aria-current', 'false');
    selected = span;
    const row = rows.get(span.span_id);
    row.setAttribute('aria-current', 'true');
    if (focus) row.focus();
    mount(detail, spanDetail(span, { t0, traceId, tab: parse().params.get('tab'),
      onTab: (tab) => remember(withParams({ tab })) }));
    remember(withParams({ span: span.span_id }));
  };

  const waterfall = h('div.wf', { role: 'list', 'aria-label': 'Spans, in tree order, with their timing' },
    scale(t1 - t0),
    spans.map((s, i) => {
      const row = spanRow(s, t0, t1);
      rows.set(s.span_id, row);
      row.addEventListener('click', () => select(s));
      row.addEventListener('keydown', (e) => {
        const next = e.key === 'ArrowDown' ? spans[i + 1] : e.key === 'ArrowUp' ? spans[i - 1] : null;
        if (next) { e.preventDefault(); select(next, true); }
      });
      return h('div', { role: 'listitem' }, row);
    }));

  mount(view, header(trace, spans, t0, t1), traceScores(trace), h('div.trace-body', null, waterfall, detail));
  select(initial);
}

function header(trace, spans, t0, t1) {
  const root = spans[0];
  const llm = spans.filter((s) => s.llm);
  const sum = (g) => llm.reduce((a, s) => a + (g(s) || 0), 0);
  const unpriced = llm.filter((s) => s.llm.cost.unpriced).length;
  const errors = spans.filter((s) => s.status === 'error').length;
  const cost = sum((s) => s.llm.cost.total);
  const pick = (k) => spans.map((s) => s[k]).find((v) => v != null);
  const session = pick('session_id');
  const user = pick('user_id');
  return h('div.trace-head', null,
    h('p.faint', null, h('a', { href: link('traces') }, '← Traces')),
    h('h1', null, root.name || 'trace', errors ? badge(f.plural(errors, 'error'), 'err') : badge('ok', 'ok')),
    h('div.idline', null, 'trace', h('code', null, trace.trace_id), copyButton(trace.trace_id, 'Copy id'),
      copyButton(location.href.replace(/[?&]tab=[^&]*/, ''), 'Copy link')),
    facts([
      ['Started', h('span', { title: root.start_time }, f.dateTime(t0))],
      ['Duration', f.ms(t1 - t0)],
      ['Spans', f.int(spans.length)],
      ['LLM calls', f.int(llm.length)],
      ['Tokens in / out', llm.length ? `${f.int(sum((s) => s.llm.usage.input_tokens))} / ${f.int(sum((s) => s.llm.usage.output_tokens))}` : null],
      ['Cost', llm.length ? [f.usd(unpriced === llm.length ? null : cost), unpriced ? badge(`${unpriced} unpriced`, 'warn') : null] : null],
      ['Feature', pick('feature')],
      ['Service', pick('service')],
      ['User', user ? h('a', { href: link('traces', { user }) }, user) : null],
      ['Session', session ? h('a', { href: link('session', { id: session }) }, session) : null],
      ['Environment', pick('environment')],
      ['Release', pick('release')],
      ['Prompt', pick('prompt_name') ? `${pick('prompt_name')}${pick('prompt_version') ? ` @ ${pick('prompt_version')}` : ''}` : null],
      ['Tags', root.tags && root.tags.length ? root.tags.map((t) => badge(t, 'info')) : null],
    ]),
    signals(trace),
    addToDataset(trace.trace_id));
}

/** End-user feedback attached to the trace (scores have their own panel, trace-scores.js). */
function signals(trace) {
  const items = [
    ...(trace.feedback || []).map((fb) => badge(`${fb.kind.replace('_', ' ')}${fb.value != null ? ` ${fb.value}` : ''}${fb.comment ? `: ${fb.comment}` : ''}`,
      fb.kind === 'thumbs_down' ? 'err' : 'ok')),
  ];
  return items.length ? h('div.chips', { 'aria-label': 'Feedback' }, items) : null;
}

function scale(total) {
  return h('div.wf-scale', { 'aria-hidden': 'true' }, [0, 0.25, 0.5, 0.75, 1].map((k) => h('span', null, f.ms(total * k))));
}

function spanRow(s, t0, t1) {
  const total = Math.max(1, t1 - t0);
  const start = Date.parse(s.start_time) - t0;
  const bar = h(`span.wf-bar.${s.type}${s.status === 'error' ? '.err' : ''}`);
  const left = (start / total) * 100;
  const width = Math.max(0.4, (s.duration_ms / total) * 100);
  bar.style.left = `${left}%`;
  bar.style.width = `${Math.min(width, 100 - left)}%`;
  // the duration goes right of the bar, else left of it, else (a long bar) inside it
  const dur = h('span.wf-dur', null, f.ms(s.duration_ms));
  if (left + width <= 78) dur.style.left = `${left + width + 1}%`;
  else if (left >= 22) dur.style.right = `${100 - left + 1}%`;
  else { dur.classList.add('inside'); dur.style.left = `${left + 1}%`; }
  const indent = h('span.indent', { 'aria-hidden': 'true' });
  indent.style.width = `${Math.min(s.depth, 12) * 12}px`;
  const model = s.llm ? (s.llm.response_model || s.llm.request_model) : null;
  return h('button.wf-row', { type: 'button', 'aria-current': 'false', dataset: { span: s.span_id },
    'aria-label': `${s.type} ${s.name}, ${f.ms(s.duration_ms)}${s.status === 'error' ? ', error' : ''}` },
  h('span.wf-name', null, indent, h(`span.type-tag.${s.type}`, null, s.type),
    h('span.label', { title: model ? `${s.name} · ${model}` : s.name }, s.name),
    s.status === 'error' ? badge('error', 'err') : null),
  h('span.wf-track', null, bar, dur));
}
