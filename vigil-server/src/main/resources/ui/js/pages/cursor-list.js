// A table over one of the API's cursor-paginated lists (sessions, users), with the cursor in the URL
// and the cursors of earlier pages remembered so "Previous" steps back (the traces explorer too).
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { apiFilter, timeWindow } from '../state.js';
import { withParams, go } from '../router.js';
import { table, pager, errorBox, loading, empty } from '../components.js';
import * as f from '../format.js';

// per list, the cursors of the pages before the current one, so "Previous" can step back; a new
// query (other filters, another range) starts a new trail
const trails = new Map();

/** Previous/next buttons for a cursor-paginated list whose cursor is the URL's `cursor`. */
export function cursorPager(name, query, params, nextCursor) {
  const cursor = params.get('cursor');
  const key = JSON.stringify({ ...query, from: null, to: null, cursor: null, range: timeWindow(params).key });
  let trail = trails.get(name);
  if (!trail || trail.key !== key) {
    trail = { key, stack: [] };
    trails.set(name, trail);
  }
  const { stack } = trail;
  return pager({ page: stack.length + 1, hasPrev: !!cursor, hasNext: !!nextCursor,
    onPrev: () => go(withParams({ cursor: stack.pop() || null })),
    onNext: () => { stack.push(cursor || ''); go(withParams({ cursor: nextCursor })); } });
}

/** opts: {path, key (the list's field), columns, rowHref, emptyText, query, status (element for "n rows")} */
export async function cursorList(target, ctx, opts) {
  const { params, signal } = ctx;
  const cursor = params.get('cursor');
  const query = { ...apiFilter(params), ...opts.query, limit: 50, cursor };

  mount(target, loading());
  let res;
  try {
    res = await api(opts.path, { query, signal });
  } catch (e) {
    if (e.name !== 'AbortError') mount(target, errorBox(e, ctx.refresh));
    return;
  }
  const rows = res[opts.key];
  if (opts.status) opts.status.textContent = `${f.plural(rows.length, 'row')}${res.next_cursor ? '+' : ''} on this page`;
  if (!rows.length) {
    mount(target, empty(cursor ? 'No more rows.' : opts.emptyText));
    return;
  }
  mount(target,
    table(opts.columns, rows, { rowHref: opts.rowHref, caption: opts.key, rowClass: opts.rowClass }),
    cursorPager(opts.path, query, params, res.next_cursor));
}
