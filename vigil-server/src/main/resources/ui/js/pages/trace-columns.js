// The columns the traces explorer can show; which ones are on is remembered per browser.
import { h } from '../dom.js';
import { badge } from '../components.js';
import * as f from '../format.js';

const KEY = 'vigil.traceColumns';

export const COLUMNS = [
  { key: 'time', label: 'Time', on: true, value: (t) => h('span', { title: f.dateTime(t.start_time) }, f.time(t.start_time)) },
  { key: 'name', label: 'Name', on: true, value: (t) => h('span.clip', { title: t.name }, t.name || f.DASH) },
  { key: 'feature', label: 'Feature', on: true, value: (t) => t.feature ?? f.DASH },
  { key: 'service', label: 'Service', value: (t) => t.service ?? f.DASH },
  { key: 'user', label: 'User', on: true, value: (t) => h('span.clip', { title: t.user_id }, t.user_id ?? f.DASH) },
  { key: 'session', label: 'Session', value: (t) => h('span.clip', { title: t.session_id }, t.session_id ?? f.DASH) },
  { key: 'models', label: 'Models', on: true, value: (t) => (t.models || []).map((m) => badge(m)) },
  { key: 'duration', label: 'Duration', num: true, on: true, value: (t) => f.ms(t.duration_ms) },
  { key: 'spans', label: 'Spans', num: true, value: (t) => f.int(t.span_count) },
  { key: 'llm', label: 'LLM calls', num: true, value: (t) => f.int(t.llm_calls) },
  { key: 'tokens', label: 'Tokens in / out', num: true, on: true,
    value: (t) => (t.input_tokens == null && t.output_tokens == null ? f.DASH : `${f.compact(t.input_tokens)} / ${f.compact(t.output_tokens)}`) },
  { key: 'cost', label: 'Cost', num: true, on: true,
    value: (t) => (t.unpriced_calls ? h('span', { title: `${t.unpriced_calls} call(s) without a price` }, `${f.usd(t.cost)}`, badge('unpriced', 'warn')) : f.usd(t.cost)) },
  { key: 'status', label: 'Status', on: true, value: (t) => (t.errors ? badge(f.plural(t.errors, 'error'), 'err') : badge('ok', 'ok')) },
  { key: 'tags', label: 'Tags', value: (t) => (t.tags || []).map((x) => badge(x, 'info')) },
  { key: 'environment', label: 'Environment', value: (t) => t.environment ?? f.DASH },
  { key: 'prompt_version', label: 'Prompt version', value: (t) => t.prompt_version ?? f.DASH },
  { key: 'trace_id', label: 'Trace id', value: (t) => h('code', null, f.shortId(t.trace_id, 12)) },
];

export function chosenColumns() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || 'null');
    if (Array.isArray(saved) && saved.length) return COLUMNS.filter((c) => saved.includes(c.key));
  } catch {
    // a broken value falls back to the defaults
  }
  return COLUMNS.filter((c) => c.on);
}

export function saveColumns(keys) {
  localStorage.setItem(KEY, JSON.stringify(keys));
}
