// Users with traces in the window, highest cost first: usage, cost and errors per user, linking to
// their traces and sessions.
import { h } from '../dom.js';
import { link } from '../router.js';
import { badge } from '../components.js';
import { cursorList } from './cursor-list.js';
import { userFilter } from './sessions.js';
import * as f from '../format.js';

export default { title: 'Users', render };

async function render(view, ctx) {
  const user = ctx.params.get('user');
  const status = h('span.sql-meta', { 'aria-live': 'polite' });
  const list = h('div');
  view.append(
    h('div.page-head', null, h('h1', null, 'Users'), status, h('div.actions', null, userFilter(user))),
    list);
  await cursorList(list, ctx, {
    path: '/api/v1/users', key: 'users', status,
    query: user ? { user } : {},
    emptyText: user ? `No traces of ${user} in this range.` : 'No users in this range. Users appear when spans carry a user id.',
    rowHref: (u) => link('traces', { user: u.user_id }),
    rowClass: (u) => (u.errors ? 'err' : null),
    columns: [
      { label: 'User', value: (u) => h('span.clip', { title: u.user_id }, u.user_id) },
      { label: 'Cost', num: true, value: (u) => f.usd(u.cost) },
      { label: 'Traces', num: true, value: (u) => f.int(u.traces) },
      { label: 'Sessions', num: true, value: (u) => (u.sessions ? h('a', { href: link('sessions', { user: u.user_id }) }, f.int(u.sessions)) : '0') },
      { label: 'LLM calls', num: true, value: (u) => f.int(u.llm_calls) },
      { label: 'Failed spans', num: true, value: (u) => (u.errors ? badge(f.int(u.errors), 'err') : '0') },
      { label: 'Tokens in / out', num: true, value: (u) => `${f.compact(u.input_tokens)} / ${f.compact(u.output_tokens)}` },
      { label: 'Cost / trace', num: true, value: (u) => (u.cost == null ? f.DASH : f.usd(u.cost / Math.max(1, u.traces))) },
      { label: 'Last seen', num: true, value: (u) => h('span', { title: f.dateTime(u.last_time) }, f.ago(u.last_time)) },
    ],
  });
}
