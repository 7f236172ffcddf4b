// Traces explorer: every filter and sort of GET /api/v1/traces, kept in the URL; chosen columns;
// cursor pagination; live tail. A row opens the trace.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { apiFilter } from '../state.js';
import { withParams, go, link } from '../router.js';
import { table, errorBox, loading, empty } from '../components.js';
import { cursorPager } from './cursor-list.js';
import { traceHref } from '../data.js';
import { filterForm, FILTER_KEYS } from './trace-filters.js';
import { COLUMNS, chosenColumns, saveColumns } from './trace-columns.js';
import * as f from '../format.js';

export default { title: 'Traces', render };

const LIVE_MS = 5000;

async function render(view, ctx) {
  const { params, signal } = ctx;
  const live = params.get('live') === '1';
  const cursor = params.get('cursor');
  const query = { ...apiFilter(params) };
  for (const k of FILTER_KEYS) {
    const vals = params.getAll(k).filter(Boolean);
    if (vals.length) query[k] = vals.length === 1 ? vals[0] : vals;
  }
  query.limit = params.get('limit') || 50;

  const liveBtn = h('button.btn', { type: 'button', 'aria-pressed': String(live), id: 'live-toggle',
    className: live ? 'on' : null, title: 'Reload the newest traces every 5 seconds',
    onclick: () => go(withParams(live ? { live: null } : { live: '1', cursor: null, sort: null, from: null, to: null })) },
  live ? [h('span.live-dot', { 'aria-hidden': 'true' }), ' Live'] : 'Live tail');
  const colsBtn = h('button.btn', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'columns-pick', id: 'columns-toggle' }, 'Columns');
  const colsBox = columnPicker(() => draw(lastRows));
  colsBtn.addEventListener('click', () => {
    colsBox.hidden = !colsBox.hidden;
    colsBtn.setAttribute('aria-expanded', String(!colsBox.hidden));
  });
  const status = h('span.sql-meta', { 'aria-live': 'polite' });
  const results = h('div', null, loading());
  view.append(
    h('div.page-head', null, h('h1', null, 'Traces'), status, h('div.actions', null, colsBtn, liveBtn)),
    filterForm(params, ctx), colsBox, results);

  let lastRows = [];
  let nextCursor = null;
  const draw = (rows, fresh = new Set()) => {
    lastRows = rows;
    if (!rows.length) {
      mount(results, empty(cursor ? 'No more traces.' : 'No traces match these filters in this range.',
        h('p', null, h('a', { href: link('traces', {}) }, 'Clear the filters'), ' or pick a wider time range.')));
      return;
    }
    const cols = chosenColumns();
    const searchNote = query.q && nextCursor && rows.length < query.limit
      ? h('p.notice', null, 'The text search looks at 5,000 traces per page: more may match further on. “Next →” continues.') : null;
    mount(results, searchNote,
      table(cols, rows, { rowHref: (t) => traceHref(t.trace_id), caption: 'Traces',
        rowClass: (t) => [t.errors ? 'err' : '', fresh.has(t.trace_id) ? 'fresh' : ''].join(' ').trim() || null }),
      live ? null : cursorPager('traces', query, params, nextCursor));
  };

  const load = async (quiet) => {
    const q = live ? { ...query, ...apiFilter(params), cursor: null, sort: null } : { ...query, cursor };
    const started = performance.now();
    const res = await api('/api/v1/traces', { query: q, signal });
    nextCursor = res.next_cursor;
    const took = Math.round(performance.now() - started);
    status.textContent = `${f.plural(res.traces.length, 'trace')}${nextCursor ? '+' : ''} · ${took} ms`
      + (live ? ` · live, updated ${f.time(new Date())}` : '');
    if (quiet) {
      const seen = new Set(lastRows.map((t) => t.trace_id));
      draw(res.traces, new Set(res.traces.filter((t) => !seen.has(t.trace_id)).map((t) => t.trace_id)));
    } else {
      draw(res.traces);
    }
  };

  try {
    await load(false);
  } catch (e) {
    if (e.name === 'AbortError') return;
    mount(results, errorBox(e, () => ctx.refresh()));
    return;
  }
  if (live) {
    const timer = setInterval(() => {
      if (document.hidden) return; // nobody is looking: spare the server
      load(true).catch((e) => { if (e.name !== 'AbortError') status.textContent = `Live tail paused: ${e.message}`; });
    }, LIVE_MS);
    ctx.onCleanup(() => clearInterval(timer));
  }
}

function columnPicker(onChange) {
  const chosen = new Set(chosenColumns().map((c) => c.key));
  const box = h('fieldset.columns-pick.panel', { id: 'columns-pick' }, h('legend.sr-only', null, 'Columns to show'),
    COLUMNS.map((c) => {
      const cb = h('input', { type: 'checkbox', checked: chosen.has(c.key), id: `col-${c.key}` });
      cb.addEventListener('change', () => {
        if (cb.checked) chosen.add(c.key); else chosen.delete(c.key);
        if (!chosen.size) { chosen.add('name'); }
        saveColumns(COLUMNS.filter((x) => chosen.has(x.key)).map((x) => x.key));
        onChange();
      });
      return h('label.check', { htmlFor: cb.id }, cb, c.label);
    }));
  box.hidden = true;
  return box;
}
