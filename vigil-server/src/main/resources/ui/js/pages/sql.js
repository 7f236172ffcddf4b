// SQL console: read-only DuckDB SQL over this project's views. Ctrl/Cmd+Enter runs; the query is
// kept in the URL (shareable) and in this browser; results download as CSV, built right here.
import { h, mount } from '../dom.js';
import { sql } from '../api.js';
import { parse, remember, withParams } from '../router.js';
import { table, errorBox, loading, panel, empty } from '../components.js';
import * as f from '../format.js';

export default { title: 'SQL', filters: false, render };

const LAST = 'vigil.sql';
const EXAMPLES = [
  ['Calls, cost and p95 latency by model, last 24 h', `SELECT model, count(*) AS calls, round(sum(cost), 4) AS usd,
  round(quantile_cont(duration_ms, 0.95)) AS p95_ms
FROM spans
WHERE span_type = 'llm' AND start_time > now() - INTERVAL 24 HOUR
GROUP BY model ORDER BY usd DESC NULLS LAST`],
  ['Error types by feature, last 24 h', `SELECT feature, error_type, count(*) AS spans, max(start_time) AS last_seen
FROM spans
WHERE is_error AND start_time > now() - INTERVAL 24 HOUR
GROUP BY ALL ORDER BY spans DESC LIMIT 50`],
  ['Costliest users, last 7 days', `SELECT user_id, count(DISTINCT trace_id) AS traces, round(sum(cost), 4) AS usd,
  sum(input_tokens + output_tokens) AS tokens
FROM spans
WHERE user_id IS NOT NULL AND start_time > now() - INTERVAL 7 DAY
GROUP BY user_id ORDER BY usd DESC NULLS LAST LIMIT 20`],
  ['Hourly spend, last 48 h', `SELECT time_bucket(INTERVAL 1 HOUR, start_time) AS hour, count(*) AS calls,
  round(sum(cost), 4) AS usd
FROM spans
WHERE span_type = 'llm' AND start_time > now() - INTERVAL 48 HOUR
GROUP BY hour ORDER BY hour`],
  ['Calls cut off or refused, last 24 h', `SELECT start_time, trace_id, feature, model, finish_reason, output_tokens
FROM spans
WHERE (finish_reason IN ('length', 'content_filter') OR is_refusal)
  AND start_time > now() - INTERVAL 24 HOUR
ORDER BY start_time DESC LIMIT 100`],
  ['Slowest time to first token by model', `SELECT model, count(*) AS streamed_calls,
  round(quantile_cont(ttft_ms, 0.5)) AS ttft_p50_ms, round(quantile_cont(ttft_ms, 0.95)) AS ttft_p95_ms
FROM spans
WHERE ttft_ms IS NOT NULL AND start_time > now() - INTERVAL 24 HOUR
GROUP BY model ORDER BY ttft_p95_ms DESC`],
  ['Scores by name', `SELECT name, count(*) AS scores, round(avg(value), 3) AS average, min(time) AS first_at, max(time) AS last_at
FROM scores GROUP BY name ORDER BY scores DESC`],
  ['Deployments and prompt changes', `SELECT time, change_type, feature, description FROM change_events ORDER BY time DESC LIMIT 50`],
];
const VIEWS = [
  ['spans', 'trace_id, span_id, parent_span_id, is_root, name, span_type, start_time, start_ns, duration_ms, status, is_error, error_type, service, feature, user_id, session_id, tags, prompt_name, prompt_version, environment, release, provider, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, tokens_estimated, cost, cost_source, finish_reason, is_refusal, ttft_ms, streaming, input_chars, output_chars, pii_count, received_at'],
  ['traces', 'trace_id, name, start_time, duration_ms, span_count, llm_calls, error_count, has_root, service, feature, user_id, session_id, models, input_tokens, output_tokens, cost, unpriced_calls'],
  ['scores', 'id, trace_id, span_id, name, data_type, value, label, source, comment, time, metadata'],
  ['feedback', 'id, trace_id, kind, value, comment, user_id, time'],
  ['change_events', 'id, change_type, feature, description, source, time, attributes'],
];

async function render(view, ctx) {
  const initial = ctx.params.get('q') || localStorage.getItem(LAST) || EXAMPLES[0][1];
  const editor = h('textarea', { id: 'sql-editor', rows: 10, spellcheck: false, value: initial,
    'aria-describedby': 'sql-help' });
  const runBtn = h('button.btn.primary', { type: 'submit', id: 'sql-run' }, 'Run');
  const meta = h('span.sql-meta', { 'aria-live': 'polite' });
  const output = h('div', { id: 'sql-output' });
  let running = null;

  const run = async () => {
    const query = editor.value.trim();
    if (!query) return;
    localStorage.setItem(LAST, query);
    remember(withParams({ q: query }));
    if (running) running.abort();
    running = new AbortController();
    const signal = running.signal;
    ctx.signal.addEventListener('abort', () => running && running.abort());
    runBtn.disabled = true;
    meta.textContent = '';
    mount(output, loading('Running…'));
    try {
      const res = await sql(query, signal);
      mount(output, results(res, meta));
    } catch (e) {
      if (e.name === 'AbortError') return;
      meta.textContent = '';
      mount(output, errorBox(e, null, e.status === 400 ? 'Query refused or failed' : null));
    } finally {
      runBtn.disabled = false;
    }
  };

  const form = h('form', { 'aria-label': 'Query editor' },
    h('label', { htmlFor: 'sql-editor' }, h('b', null, 'SQL query')),
    editor,
    h('div.toolbar', null, runBtn,
      h('span.faint', { id: 'sql-help' }, 'Ctrl/⌘ + Enter runs · one read-only SELECT over this project’s views · times in UTC'),
      h('span.grow'), meta));
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });

  const examples = h('ul.examples', null, EXAMPLES.map(([label, q]) => h('li', null,
    h('button.btn.ghost', { type: 'button', onclick: () => { editor.value = q; editor.focus(); run(); } }, label))));
  const schema = h('div.schema', null, VIEWS.map(([name, cols]) => h('details', null,
    h('summary', null, h('code', null, name)), h('p', null, cols))));

  view.append(
    h('div.page-head', null, h('h1', null, 'SQL console')),
    h('div.sql-layout', null,
      h('div', null, h('div.panel', null, form), h('div.panel.results', null, output)),
      h('div', null, panel('Examples', examples), panel('Views', schema))));
  if (parse().params.get('q')) run();
  else mount(output, empty('Run a query to see results here. Pick an example to start.'));
}

function results(res, meta) {
  meta.textContent = `${f.plural(res.rows.length, 'row')}${res.truncated ? ' (truncated)' : ''} · ${res.elapsed_ms} ms`;
  const download = h('button.btn', { type: 'button', id: 'sql-csv' }, 'Download CSV');
  download.addEventListener('click', () => saveCsv(res));
  const cols = res.columns.map((c, i) => ({
    label: h('span', null, c, h('span.faint', null, ` ${(res.types[i] || '').toLowerCase()}`)),
    num: /INT|DOUBLE|DECIMAL|FLOAT|REAL|NUMERIC/.test(res.types[i] || ''),
    value: (row) => cell(row[i]),
  }));
  return [
    h('div.toolbar', null, download,
      res.truncated ? h('span.badge.warn', null, 'only the first rows are shown: add a LIMIT or aggregate') : null),
    res.rows.length ? table(cols, res.rows, { caption: 'Query results' }) : empty('The query returned no rows.'),
  ];
}

function cell(v) {
  if (v == null) return h('span.faint', null, 'NULL');
  if (typeof v === 'object') return h('code', null, JSON.stringify(v));
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
  const s = String(v);
  return s.length > 200 ? h('span.clip', { title: s }, s) : s;
}

/** RFC 4180 CSV of the result, downloaded as a file. */
export function toCsv(res) {
  const esc = (v) => {
    if (v == null) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [res.columns, ...res.rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

function saveCsv(res) {
  const url = URL.createObjectURL(new Blob([toCsv(res)], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: `vigil-query-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
