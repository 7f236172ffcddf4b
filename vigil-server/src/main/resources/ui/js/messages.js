// Chat content as people read it: one block per message, coloured by role (system, user, assistant,
// tool), tool calls with their arguments, retrieved documents, and masked PII made visible: the
// masker writes [EMAIL] (or [EMAIL:1a2b3c4d5e6f] in hash mode), shown here as a highlighted token.
import { h } from './dom.js';
import { api, currentProject } from './api.js';
import { badge } from './components.js';

const BUILT_IN = ['SECRET', 'EMAIL', 'CARD', 'IBAN', 'SSN', 'PHONE', 'IP'];
const LONG_CHARS = 1500;
const LONG_LINES = 24;
const ROLE_CLASS = { system: 'system', developer: 'system', user: 'user', human: 'user', assistant: 'assistant',
  model: 'assistant', ai: 'assistant', tool: 'tool', function: 'tool', ipython: 'tool' };

let labelCache = { project: null, promise: null };

/** The masker's labels for this project: built-in kinds plus the project's own rule names. */
export function piiLabels() {
  const project = currentProject();
  if (labelCache.project !== project || !labelCache.promise) {
    labelCache = {
      project,
      promise: api('/api/v1/project')
        .then((p) => (p.settings.pii_rules || []).map((r) => label(r.name)))
        .catch(() => [])
        .then((custom) => markerPattern([...BUILT_IN, ...custom])),
    };
  }
  return labelCache.promise;
}

/** Mirrors PiiMasker.label: upper case, anything but letters, digits, space, _ - . becomes _. */
function label(name) {
  return name.toUpperCase().replace(/[^\p{L}\p{N} _.-]/gu, '_');
}

function markerPattern(labels) {
  const alt = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`\\[(${alt})(?::[0-9a-f]{12})?\\]`, 'g');
}

let pattern = markerPattern(BUILT_IN);
/** Pages call this once the project's labels are known. */
export function usePiiPattern(p) {
  pattern = p;
}

/** Text with PII markers wrapped in <mark class="pii">. */
export function piiText(text) {
  const out = [];
  const str = String(text ?? '');
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(str); m; m = pattern.exec(str)) {
    if (m.index > last) out.push(str.slice(last, m.index));
    out.push(h('mark.pii', { title: `Masked ${m[1].toLowerCase()} (PII removed before storage)` }, m[0]));
    last = m.index + m[0].length;
  }
  if (last < str.length) out.push(str.slice(last));
  return out;
}

/** A long text block that starts collapsed with a toggle. */
export function textBlock(text, cls = 'msg-text') {
  const str = String(text ?? '');
  const body = h(`div.${cls}`, null, piiText(str));
  const long = str.length > LONG_CHARS || str.split('\n').length > LONG_LINES;
  if (!long) return body;
  const wrap = h('div.collapsed', null, body);
  const btn = h('button.btn.tiny.ghost', { type: 'button', 'aria-expanded': 'false' }, `Show all (${str.length.toLocaleString()} characters)`);
  btn.addEventListener('click', () => {
    const open = wrap.classList.toggle('collapsed');
    btn.setAttribute('aria-expanded', String(!open));
    btn.textContent = open ? `Show all (${str.length.toLocaleString()} characters)` : 'Show less';
  });
  return h('div', null, wrap, btn);
}

export function prettyJson(value) {
  if (typeof value !== 'string') return JSON.stringify(value, null, 2);
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return value;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return value;
  }
}

export function message(m) {
  const role = (m.role || 'unknown').toLowerCase();
  const cls = ROLE_CLASS[role] || 'other';
  const el = h(`div.msg.${cls}`, { dataset: { role } },
    h('div.msg-head', null, h('span.msg-role', null, role),
      m.name ? h('span', null, m.name) : null,
      m.tool_call_id ? h('span.mono', { title: 'answers tool call' }, `↩ ${m.tool_call_id}`) : null,
      m.finish_reason ? badge(`finish: ${m.finish_reason}`, m.finish_reason === 'stop' ? '' : 'warn') : null),
    m.content != null && m.content !== '' ? textBlock(m.content) : null,
    (m.tool_calls || []).map((c) => h('div.toolcall', null,
      h('div.msg-head', null, h('span.msg-role', null, 'tool call'), h('b', null, c.name || '?'),
        c.id ? h('span.mono.faint', null, c.id) : null),
      c.arguments ? h('pre', null, piiText(prettyJson(c.arguments))) : null)));
  if ((m.content == null || m.content === '') && !(m.tool_calls || []).length) {
    el.append(h('div.faint', null, '(empty)'));
  }
  return el;
}

/** Input or output of a span: its messages, or its plain value (pretty-printed when JSON). */
export function io(part) {
  if (!part) return null;
  if (part.messages && part.messages.length) return h('div.msgs', null, part.messages.map(message));
  if (part.value != null && part.value !== '') return h('pre.json', null, piiText(prettyJson(part.value)));
  return null;
}

export function documents(docs) {
  return h('div', null, docs.map((d, i) => h('div.doc', null,
    h('div.doc-head', null, h('b', null, `#${i + 1}`), d.id ? h('span.mono', null, d.id) : null,
      d.score != null ? h('span', null, `score ${Number(d.score).toFixed(3)}`) : null),
    textBlock(d.content ?? ''),
    d.metadata ? h('pre.json', null, piiText(prettyJson(d.metadata))) : null)));
}
