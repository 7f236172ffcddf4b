// Alerts of the project: what is pending or firing now, the rules (file rules read-only, API rules
// open in the editor), silences (create and expire), the history of transitions, and every
// notification delivery with each attempt's status and error, so a failed page is never invisible.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { link } from '../router.js';
import { badge, fill, panel, table } from '../components.js';
import * as f from '../format.js';
import { changesPanel } from './changes-panel.js';

export default { title: 'Alerts', filters: false, render };

const TONE = { firing: 'err', pending: 'warn', resolved: 'ok', delivered: 'ok', failed: 'err', active: 'warn', expired: '' };

async function render(view, ctx) {
  const now = h('div');
  const rules = h('div');
  const silences = h('div');
  const history = h('div');
  const deliveries = h('div');
  view.append(
    h('div.page-head', null, h('h1', null, 'Alerts'),
      h('div.actions', null, h('a.btn', { href: link('alert-rule') }, 'New rule'))),
    panel('Firing and pending', now, { wide: true, id: 'alerts-now' }),
    panel('Rules', rules, { wide: true, id: 'alerts-rules' }),
    panel('Silences', h('div', null, silenceForm(ctx, () => loadSilences()), silences), { wide: true, id: 'alerts-silences' }),
    panel('History', history, { wide: true, id: 'alerts-history' }),
    panel('Deliveries', deliveries, { wide: true, id: 'alerts-deliveries' }),
    changesPanel(ctx));
  const opts = { signal: ctx.signal };
  const loadSilences = () => fill(silences, () => api('/api/v1/alerts/silences', opts), (r) => (r.silences.length ? table([
    { label: 'Matchers', value: (x) => Object.entries(x.matchers).map(([k, v]) => `${k}=${v}`).join(', ') },
    { label: 'State', value: (x) => badge(x.state, TONE[x.state]) },
    { label: 'Ends', value: (x) => f.dateTime(x.ends_at) },
    { label: 'Comment', value: (x) => x.comment || f.DASH },
    { label: 'Created by', value: (x) => x.created_by || f.DASH },
    { label: '', value: (x) => (x.state === 'expired' ? null : h('button.btn', { type: 'button', onclick: async (e) => {
      e.target.disabled = true;
      await api(`/api/v1/alerts/silences/${encodeURIComponent(x.id)}/expire`, { method: 'POST' });
      loadSilences();
    } }, 'Expire')) },
  ], r.silences) : null), 'No silences.');
  await Promise.all([
    fill(now, () => api('/api/v1/alerts', opts), (r) => (r.active.length ? table([
      { label: 'Rule', value: (a) => a.rule },
      { label: 'Group', value: (a) => a.group || f.DASH },
      { label: 'Status', value: (a) => badge(a.status, TONE[a.status]) },
      { label: 'Since', value: (a) => f.dateTime(a.firing_since || a.pending_since) },
      { label: 'Value', num: true, value: (a) => number(a.value) },
    ], r.active) : null), 'Nothing is pending or firing.'),
    fill(rules, () => api('/api/v1/alerts/rules', opts), (r) => (r.rules.length ? table([
      { label: 'Name', value: (x) => x.name },
      { label: 'Condition', value: (x) => h('code', null, x.condition) },
      { label: 'Severity', value: (x) => x.severity },
      { label: 'Where', value: (x) => Object.entries(x.where).map(([k, v]) => `${k}=${v.join('|')}`).join(', ') || f.DASH },
      { label: 'Channels', value: (x) => x.channels.join(', ') || f.DASH },
      { label: 'Source', value: (x) => (x.source === 'file' ? badge('file') : badge('api', 'ok')) },
    ], r.rules, { rowHref: (x) => (x.source === 'api' ? link('alert-rule', null, x.name) : null) }) : null),
    'No rules yet. Add one with "New rule", or in the rules file.'),
    loadSilences(),
    fill(history, () => api('/api/v1/alerts/history', { ...opts, query: { limit: 100 } }), (r) => (r.events.length ? table([
      { label: 'Time', value: (e) => f.dateTime(e.time) },
      { label: 'Rule', value: (e) => e.rule },
      { label: 'Group', value: (e) => e.group || f.DASH },
      { label: 'Status', value: (e) => badge(e.status, TONE[e.status]) },
      { label: 'Value', num: true, value: (e) => number(e.value) },
      { label: 'Message', value: (e) => e.message || f.DASH },
    ], r.events) : null), 'No alert has changed state yet.'),
    fill(deliveries, () => api('/api/v1/alerts/deliveries', { ...opts, query: { limit: 100 } }), (r) => (r.deliveries.length
      ? table([
        { label: 'Created', value: (d) => f.dateTime(d.created) },
        { label: 'Channel', value: (d) => d.channel },
        { label: 'Alert', value: (d) => (d.notification && d.notification.summary) || f.DASH },
        { label: 'State', value: (d) => badge(d.state, TONE[d.state]) },
        { label: 'Attempts', num: true, value: (d) => attemptsCell(d) },
        { label: 'Last error', value: (d) => d.last_error || f.DASH },
      ], r.deliveries) : null), 'No notifications yet.'),
  ]);
}

/** The attempt count; a click lists every attempt with its HTTP status and error. */
function attemptsCell(d) {
  const out = h('div.attempts');
  const button = h('button.btn.link', { type: 'button', 'aria-expanded': 'false', onclick: async () => {
    button.setAttribute('aria-expanded', 'true');
    const r = await api(`/api/v1/alerts/deliveries/${encodeURIComponent(d.id)}/attempts`);
    mount(out, button, h('ol.attempt-list', null, r.attempts.map((a) => h('li', null,
      `#${a.attempt} ${f.dateTime(a.time)} · ${a.ok ? 'ok' : 'failed'}${a.status ? ` · HTTP ${a.status}` : ''}`
      + `${a.error ? ` · ${a.error}` : ''}`))));
  } }, String(d.attempts));
  out.append(button);
  return out;
}

function silenceForm(ctx, reload) {
  const matchers = h('input', { name: 'matchers', placeholder: 'feature=support-chat, rule=slow-support', size: 40,
    'aria-label': 'Matchers' });
  const duration = h('select', { name: 'duration', 'aria-label': 'Duration' },
    ['1h', '2h', '8h', '1d', '7d'].map((d) => h('option', { value: d }, d)));
  const comment = h('input', { name: 'comment', placeholder: 'why', 'aria-label': 'Comment' });
  const status = h('span.form-status', { role: 'status' });
  const form = h('form.inline-form', { 'aria-label': 'New silence', onsubmit: async (e) => {
    e.preventDefault();
    const m = {};
    for (const part of matchers.value.split(',').map((x) => x.trim()).filter(Boolean)) {
      const i = part.indexOf('=');
      if (i < 1) { status.textContent = `"${part}" is not name=value`; return; }
      m[part.slice(0, i).trim()] = part.slice(i + 1).trim();
    }
    try {
      await api('/api/v1/alerts/silences', { method: 'POST', body: { matchers: m, duration: duration.value,
        comment: comment.value || null } });
      status.textContent = 'Silence created.';
      matchers.value = '';
      comment.value = '';
      reload();
    } catch (err) {
      status.textContent = err.message;
    }
  } }, matchers, duration, comment, h('button.btn', { type: 'submit' }, 'Silence'), status);
  return form;
}

function number(v) {
  if (v == null) return f.DASH;
  return Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3);
}
