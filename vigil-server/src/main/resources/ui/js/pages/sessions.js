// Sessions active in the window, most recent first; a row opens the session as a conversation.
import { h, field } from '../dom.js';
import { link, withParams, go } from '../router.js';
import { badge } from '../components.js';
import { cursorList } from './cursor-list.js';
import * as f from '../format.js';

export default { title: 'Sessions', render };

async function render(view, ctx) {
  const user = ctx.params.get('user');
  const status = h('span.sql-meta', { 'aria-live': 'polite' });
  const list = h('div');
  view.append(
    h('div.page-head', null, h('h1', null, 'Sessions'), status, h('div.actions', null, userFilter(user))),
    list);
  await cursorList(list, ctx, {
    path: '/api/v1/sessions', key: 'sessions', status,
    query: user ? { user } : {},
    emptyText: user ? `No sessions of ${user} in this range.` : 'No sessions in this range. Sessions appear when spans carry a session id.',
    rowHref: (s) => link('session', { id: s.session_id }),
    rowClass: (s) => (s.errors ? 'err' : null),
    columns: [
      { label: 'Session', value: (s) => h('span.clip', { title: s.session_id }, s.session_id) },
      { label: 'User', value: (s) => (s.user_id ? h('a', { href: link('users', { user: s.user_id }) }, s.user_id) : f.DASH) },
      { label: 'Last active', num: true, value: (s) => h('span', { title: f.dateTime(s.last_time) }, f.ago(s.last_time)) },
      { label: 'Length', num: true, value: (s) => f.ms(Date.parse(s.last_time) - Date.parse(s.first_time)) },
      { label: 'Traces', num: true, value: (s) => f.int(s.traces) },
      { label: 'Failed spans', num: true, value: (s) => (s.errors ? badge(f.int(s.errors), 'err') : '0') },
      { label: 'Tokens in / out', num: true, value: (s) => `${f.compact(s.input_tokens)} / ${f.compact(s.output_tokens)}` },
      { label: 'Cost', num: true, value: (s) => f.usd(s.cost) },
    ],
  });
}

/** Narrow the list to one user (exact id). */
export function userFilter(user) {
  const input = h('input', { type: 'search', id: 'user-filter', value: user || '', placeholder: 'exact user id', autocomplete: 'off' });
  const form = h('form.form-row', { role: 'search' }, field('User', input),
    h('div.field.narrow', null, h('button.btn', { type: 'submit' }, 'Filter')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(withParams({ user: input.value.trim() || null, cursor: null }));
  });
  return form;
}
