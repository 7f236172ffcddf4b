// One session read top to bottom as a conversation: each trace is a turn showing what the user
// said and what came back (plus the tools used on the way), linking to the full trace.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { link } from '../router.js';
import { badge, copyButton, facts, errorBox, loading, empty } from '../components.js';
import { message } from '../messages.js';
import { flatten, loadDetail } from '../spans.js';
import { traceHref } from '../data.js';
import * as f from '../format.js';

export default { title: 'Session', filters: false, render };

const PAGE = 20; // traces fetched in full per "load more"
const PARALLEL = 4;

async function render(view, ctx) {
  // in the query, not the path: session ids are free text (dots, slashes) and a path with a dot
  // would be taken for a file
  const sessionId = ctx.params.get('id');
  if (!sessionId) { mount(view, errorBox(new Error('No session given.'))); return; }
  const res = await loadDetail(view, ctx, { path: `/api/v1/sessions/${encodeURIComponent(sessionId)}`, what: 'Session',
    id: sessionId, back: { href: link('sessions'), label: 'sessions' } });
  if (!res) return;
  const traces = res.traces;
  const convo = h('div.convo', { 'aria-label': 'Conversation' });
  const more = h('div');
  mount(view, header(sessionId, traces), convo, more);
  if (!traces.length) { mount(convo, empty('This session has no traces.')); return; }

  let shown = 0;
  const loadMore = async () => {
    const batch = traces.slice(shown, shown + PAGE);
    shown += batch.length;
    const turns = batch.map((t) => {
      const el = h(`article.turn${t.errors ? '.err' : ''}`, null, turnHead(t), loading('Loading messages…'));
      convo.append(el);
      return { t, el };
    });
    mount(more, loading(`Loading ${batch.length} turns…`));
    await pool(turns, PARALLEL, async ({ t, el }) => {
      try {
        const full = await api(`/api/v1/traces/${t.trace_id}`, { signal: ctx.signal });
        mount(el, turnHead(t), ...turnBody(full));
      } catch (e) {
        if (e.name !== 'AbortError') mount(el, turnHead(t), errorBox(e));
      }
    });
    mount(more, shown < traces.length
      ? h('button.btn', { type: 'button', onclick: loadMore }, `Load ${Math.min(PAGE, traces.length - shown)} more turns (${traces.length - shown} left)`)
      : h('p.faint', null, 'End of session.'));
  };
  await loadMore();
}

async function pool(items, n, work) {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(n, queue.length) }, async () => {
    while (queue.length) await work(queue.shift());
  }));
}

function header(sessionId, traces) {
  const sum = (k) => traces.reduce((a, t) => a + (t[k] || 0), 0);
  const users = [...new Set(traces.map((t) => t.user_id).filter(Boolean))];
  const first = traces[0];
  const last = traces[traces.length - 1];
  const unpriced = sum('unpriced_calls');
  return h('div.trace-head', null,
    h('p.faint', null, h('a', { href: link('sessions') }, '← Sessions')),
    h('h1', null, 'Session', sum('errors') ? badge(f.plural(sum('errors'), 'error'), 'err') : null),
    h('div.idline', null, h('code', null, sessionId), copyButton(sessionId, 'Copy id')),
    facts([
      ['User', users.length ? users.map((u) => h('a', { href: link('traces', { user: u }) }, u)) : null],
      ['Turns', f.int(traces.length)],
      ['Started', first ? f.dateTime(first.start_time) : null],
      ['Last turn', last ? f.dateTime(last.start_time) : null],
      ['Tokens in / out', `${f.int(sum('input_tokens'))} / ${f.int(sum('output_tokens'))}`],
      ['Cost', [f.usd(sum('cost')), unpriced ? badge(`${unpriced} unpriced`, 'warn') : null]],
      ['Features', [...new Set(traces.map((t) => t.feature).filter(Boolean))].join(', ') || null],
    ]));
}

function turnHead(t) {
  return h('div.turn-head', null,
    h('a', { href: traceHref(t.trace_id) }, t.name || 'trace'),
    h('span', { title: f.dateTime(t.start_time) }, f.time(t.start_time)),
    h('span', null, f.ms(t.duration_ms)),
    h('span', null, f.usd(t.cost)),
    (t.models || []).map((m) => badge(m)),
    t.errors ? badge(f.plural(t.errors, 'error'), 'err') : null);
}

/** All spans of a trace in start order. */
function spansOf(trace) {
  return flatten(trace.tree).sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
}

const hasContent = (part) => part && ((part.messages && part.messages.length) || (part.value != null && part.value !== ''));

/** One side of the turn: the last message of that role (else the last one), or the plain value. */
function said(part, role) {
  if (part.messages && part.messages.length) {
    const mine = part.messages.filter((m) => m.role === role);
    return h('div.msgs', null, message(mine.length ? mine[mine.length - 1] : part.messages[part.messages.length - 1]));
  }
  return h('div.msgs', null, message({ role, content: part.value }));
}

/**
 * What the user said: the root's input when the app recorded one, else the last user message the
 * first LLM call received. What came back: the root's output, else the last LLM call's answer.
 */
function turnBody(trace) {
  const spans = spansOf(trace);
  const root = trace.tree[0];
  const llm = spans.filter((s) => s.type === 'llm');
  const out = [];
  let asked = null;
  if (hasContent(root.input) && root.type !== 'llm') asked = said(root.input, 'user');
  else if (llm.length && hasContent(llm[0].input)) asked = said(llm[0].input, 'user');
  out.push(asked || h('p.faint', null, '(no input recorded)'));
  const tools = spans.filter((s) => s.type === 'tool' || s.type === 'retrieval');
  if (tools.length) {
    out.push(h('p.faint', null, `↳ used ${tools.map((s) => s.name).join(', ')}`));
  }
  const errors = spans.filter((s) => s.status === 'error');
  errors.slice(0, 2).forEach((s) => out.push(h('div.errbox', null, h('b', null, `${s.name}: ${s.error_type || 'error'}`),
    s.status_message ? ` ${s.status_message}` : '')));
  let answer = null;
  if (hasContent(root.output) && root.type !== 'llm') answer = said(root.output, 'assistant');
  else if (llm.length && hasContent(llm[llm.length - 1].output)) answer = said(llm[llm.length - 1].output, 'assistant');
  if (answer) out.push(answer);
  else if (!errors.length) out.push(h('p.faint', null, '(no answer recorded)'));
  return out;
}
