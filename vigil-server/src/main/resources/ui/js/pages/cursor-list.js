// A table over one of the API's cursor-paginated lists (sessions, users), with the cursor in the URL
// and the cursors of earlier pages remembered so "Previous" steps back.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { apiFilter, timeWindow } from '../state.js';
import { withParams, go } from '../router.js';
import { table, pager, errorBox, loading, empty } from '../components.js';
import * as f from '../format.js';

const trails = new Map();

/** opts: {path, key (the list's field), columns, rowHref, emptyText, query, status (element for "n rows")} */
export async function cursorList(target, ctx, opts) {
  const { params, signal } = ctx;
  const cursor = params.get('cursor');
  const query = { ...apiFilter(params), ...opts.query, limit: 50, cursor };
  const trailKey = JSON.stringify({ ...query, from: null, to: null, cursor: null, range: timeWindow(params).key });
  const trail = trails.get(opts.path);
  if (!trail || trail.key !== trailKey) trails.set(opts.path, { key: trailKey, stack: [] });
  const stack = trails.get(opts.path).stack;

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
    h('div', null, pager({ page: stack.length + 1, hasPrev: !!cursor, hasNext: !!res.next_cursor,
      onPrev: () => go(withParams({ cursor: stack.pop() || null })),
      onNext: () => { stack.push(cursor || ''); go(withParams({ cursor: res.next_cursor })); } })));
}
