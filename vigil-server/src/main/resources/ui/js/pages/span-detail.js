// One span in full: model, tokens, cost, latency, time to first token and finish reason; its error;
// then tabs for what it was asked and answered, retrieved documents, raw attributes and events.
import { h, mount } from '../dom.js';
import { link } from '../router.js';
import { badge, copyButton, facts, table, empty } from '../components.js';
import { io, documents, piiText, prettyJson } from '../messages.js';
import * as f from '../format.js';

export function spanDetail(s, { t0, tab, onTab }) {
  const l = s.llm;
  const tabs = [
    ['messages', 'Input & output', () => messagesTab(s)],
    s.documents && s.documents.length ? ['documents', `Documents (${s.documents.length})`, () => documents(s.documents)] : null,
    ['attributes', `Attributes (${Object.keys(s.attributes || {}).length})`, () => attributesTab(s)],
    s.events && s.events.length ? ['events', `Events (${s.events.length})`, () => eventsTab(s, t0)] : null,
  ].filter(Boolean);
  const current = tabs.find(([k]) => k === tab) || tabs[0];
  const panel = h('div', { role: 'tabpanel', id: 'span-tabpanel' });
  const buttons = tabs.map(([key, label, draw]) => {
    const b = h('button.tab', { type: 'button', role: 'tab', 'aria-selected': String(key === current[0]), 'aria-controls': 'span-tabpanel',
      id: `tab-${key}`, tabIndex: key === current[0] ? 0 : -1 }, label);
    b.addEventListener('click', () => {
      buttons.forEach((x) => { x.setAttribute('aria-selected', 'false'); x.tabIndex = -1; });
      b.setAttribute('aria-selected', 'true');
      b.tabIndex = 0;
      mount(panel, draw());
      onTab(key);
    });
    b.addEventListener('keydown', (e) => {
      const i = buttons.indexOf(b);
      const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -1;
      if (j >= 0 && j < buttons.length) { e.preventDefault(); buttons[j].focus(); buttons[j].click(); }
    });
    return b;
  });
  mount(panel, current[2]());

  return [
    h('h2', null, h(`span.type-tag.${s.type}`, null, s.type), s.name,
      s.status === 'error' ? badge('error', 'err') : null),
    h('div.idline', null, 'span', h('code', null, s.span_id), copyButton(s.span_id, 'Copy id'),
      s.parent_span_id ? h('span', null, `parent ${s.parent_span_id}`) : h('span', null, 'root span')),
    s.status === 'error' ? h('div.errbox', { role: 'note' },
      h('b', null, s.error_type || 'Error'), s.status_message ? `: ${s.status_message}` : '') : null,
    piiNotice(s.pii_masked),
    facts([
      ['Started', `+${f.ms(Date.parse(s.start_time) - t0)}`],
      ['Latency', f.ms(s.duration_ms)],
      ...(l ? llmFacts(l) : []),
      ['Service', s.service],
      ['Feature', s.feature],
      ['Kind', s.kind],
      ['Prompt', s.prompt_name ? `${s.prompt_name}${s.prompt_version ? ` @ ${s.prompt_version}` : ''}` : null],
    ]),
    h('div.tabs', { role: 'tablist', 'aria-label': 'Span details' }, buttons),
    panel,
  ];
}

function llmFacts(l) {
  const u = l.usage;
  const c = l.cost;
  const model = l.response_model || l.request_model;
  const parts = ['input', 'output', 'cache_read', 'cache_write', 'reasoning']
    .filter((k) => c[k]).map((k) => `${k.replace('_', ' ')} ${f.usd(c[k])}`).join(', ');
  return [
    ['Model', model ? [model, l.request_model && l.response_model && l.request_model !== l.response_model
      ? h('span.faint', null, ` (asked for ${l.request_model})`) : null] : null],
    ['Provider', l.provider],
    ['Tokens in / out', [`${f.int(u.input_tokens)} / ${f.int(u.output_tokens)}`, u.estimated ? badge('estimated', 'warn') : null]],
    ['Cache read / write', u.cache_read_tokens || u.cache_write_tokens ? `${f.int(u.cache_read_tokens)} / ${f.int(u.cache_write_tokens)}` : null],
    ['Reasoning tokens', u.reasoning_tokens ? f.int(u.reasoning_tokens) : null],
    ['Cost', c.unpriced
      ? [badge('unpriced', 'warn'), ' ', h('a', { href: link('settings', { price_model: model || '' }) }, 'add a price')]
      : h('span', { title: parts || null }, f.usd(c.total), c.source && c.source !== 'calculated' ? h('span.faint', null, ` (${c.source})`) : null)],
    ['Time to first token', l.time_to_first_token_ms != null ? f.ms(l.time_to_first_token_ms) : null],
    ['Finish', l.finish_reasons && l.finish_reasons.length
      ? l.finish_reasons.map((r) => badge(r, r === 'stop' || r === 'end_turn' ? 'ok' : 'warn')) : null],
    ['Streaming', l.streaming ? 'yes' : null],
    ['Operation', l.operation],
    ['Parameters', l.request_parameters && Object.keys(l.request_parameters).length
      ? Object.entries(l.request_parameters).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' · ') : null],
  ];
}

function piiNotice(masked) {
  const entries = Object.entries(masked || {});
  if (!entries.length) return null;
  return h('p.notice.warn', null, h('b', null, 'PII masked: '),
    entries.map(([k, n]) => `${n} ${k}`).join(', '), ' — highlighted below as ', h('mark.pii', null, '[EMAIL]'), '-style tokens.');
}

function messagesTab(s) {
  const input = io(s.input);
  const output = io(s.output);
  if (!input && !output) {
    return empty('This span recorded no input or output.',
      h('p.faint', null, 'Instrumentations capture message content only when content capture is enabled.'));
  }
  return [
    h('div.io-label', null, 'Input'), input || h('p.faint', null, '(none recorded)'),
    h('div.io-label', null, 'Output'), output || h('p.faint', null, s.status === 'error' ? '(no answer: the call failed)' : '(none recorded)'),
  ];
}

function valueCell(v) {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return h('span.wrap-text', null, piiText(text.length > 400 ? prettyJson(text) : text));
}

function attributesTab(s) {
  const section = (title, obj) => {
    const entries = Object.entries(obj || {}).sort(([a], [b]) => a.localeCompare(b));
    if (!entries.length) return null;
    return [h('div.io-label', null, title), table([
      { label: 'Key', value: ([k]) => h('code', null, k) },
      { label: 'Value', cls: 'wrap', value: ([, v]) => valueCell(v) },
    ], entries, { caption: title })];
  };
  const out = [
    section('Span attributes', s.attributes),
    section('Metadata', s.metadata),
    section('Resource attributes', s.resource_attributes),
  ].filter(Boolean);
  return out.length ? out : empty('No attributes.');
}

function eventsTab(s, t0) {
  return table([
    { label: 'At', num: true, value: (e) => `+${f.ms(Date.parse(e.time) - t0)}` },
    { label: 'Event', value: (e) => h('code', null, e.name) },
    { label: 'Attributes', cls: 'wrap', value: (e) => (Object.keys(e.attributes || {}).length ? valueCell(e.attributes) : f.DASH) },
  ], s.events, { caption: 'Span events' });
}
