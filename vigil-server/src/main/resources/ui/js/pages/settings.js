// Settings: projects, API keys (a new key's secret is shown once), and this project's price
// overrides, PII masking and retention (settings-project.js).
import { h, mount, field } from '../dom.js';
import { api, currentProject } from '../api.js';
import { link } from '../router.js';
import { fill, panel, table, badge, copyButton, errorBox } from '../components.js';
import { projectSettings } from './settings-project.js';
import * as f from '../format.js';

export default { title: 'Settings', filters: false, render };

async function render(view, ctx) {
  const projects = h('div');
  const keys = h('div');
  const settings = h('div.settings');
  view.append(
    h('div.page-head', null, h('h1', null, 'Settings'),
      h('span.sub', null, `project ${currentName(ctx)}`)),
    h('div.settings', null,
      panel('Projects', projects, { id: 'projects' }),
      panel('API keys', keys, { id: 'keys', sub: 'for OTLP and the JSON API of this project' })),
    settings);
  projectsPanel(projects, ctx);
  keysPanel(keys, ctx);
  await projectSettings(settings, ctx);
}

function currentName(ctx) {
  const id = currentProject();
  const p = (ctx.me.projects || []).find((x) => String(x.id) === id);
  return p ? p.name : id;
}

/** The secret of a new key, shown once with a copy button. */
function secretNotice(title, secret) {
  return h('div.notice.warn', { role: 'status' },
    h('p', null, h('b', null, title), ' Copy it now: it cannot be shown again.'),
    h('p', null, h('code.secret', { id: 'new-secret' }, secret), ' ', copyButton(secret, 'Copy secret')));
}

function projectsPanel(el, ctx) {
  const list = h('div');
  const result = h('div', { 'aria-live': 'polite' });
  const name = h('input', { type: 'text', id: 'new-project-name', required: true, maxLength: 100, autocomplete: 'off' });
  const form = h('form.form-row', null, field('New project name', name),
    h('div.field.narrow', null, h('button.btn', { type: 'submit' }, 'Create project')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const p = await api('/api/v1/projects', { method: 'POST', body: { name: name.value.trim() } });
      name.value = '';
      mount(result, secretNotice(`Project “${p.name}” created with its first API key.`, p.api_key.secret),
        h('p', null, h('a.btn', { href: link('settings', { project: String(p.id) }) }, `Switch to ${p.name}`)));
      load();
    } catch (err) {
      mount(result, errorBox(err));
    }
  });
  const current = currentProject();
  const load = () => fill(list, () => api('/api/v1/projects', { signal: ctx.signal }), (res) => table([
    { label: 'Name', value: (p) => [p.name, String(p.id) === current ? badge('current', 'info') : null] },
    { label: 'Id', num: true, value: (p) => String(p.id) },
    { label: 'Created', value: (p) => f.dateTime(p.created_at) },
    { label: 'Retention', num: true, value: (p) => `${p.settings.retention_days} d` },
    { label: 'PII', value: (p) => p.settings.pii_mode },
  ], res.projects, { caption: 'Projects' }), 'No projects.');
  mount(el, list, form, result);
  load();
}

function keysPanel(el, ctx) {
  const list = h('div');
  const result = h('div', { 'aria-live': 'polite' });
  const name = h('input', { type: 'text', id: 'new-key-name', required: true, maxLength: 100, autocomplete: 'off', placeholder: 'e.g. production' });
  const admin = h('input', { type: 'checkbox', id: 'new-key-admin' });
  const form = h('form.form-row', null, field('New key name', name),
    h('div.field.narrow', null, h('label.check', { htmlFor: admin.id }, admin, 'admin')),
    h('div.field.narrow', null, h('button.btn.primary', { type: 'submit', id: 'create-key' }, 'Create key')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const k = await api('/api/v1/keys', { method: 'POST', body: { name: name.value.trim(), admin: admin.checked } });
      name.value = '';
      admin.checked = false;
      mount(result, secretNotice(`Key “${k.name}” created.`, k.secret));
      load();
    } catch (err) {
      mount(result, errorBox(err));
    }
  });
  const load = () => fill(list, () => api('/api/v1/keys', { signal: ctx.signal }), (res) => table([
    { label: 'Name', value: (k) => [k.name, k.admin ? badge('admin', 'info') : null] },
    { label: 'Key', value: (k) => h('code', null, `${k.prefix}…`) },
    { label: 'Created', value: (k) => f.dateTime(k.created_at) },
    { label: 'Status', value: (k) => (k.revoked_at ? badge(`revoked ${f.ago(k.revoked_at)}`, 'err') : badge('active', 'ok')) },
    { label: h('span.sr-only', null, 'Actions'), value: (k) => (k.revoked_at ? null : revokeButton(k, result, load)) },
  ], sortKeys(res.keys), { caption: 'API keys', rowClass: (k) => (k.revoked_at ? 'faint' : null) }), 'No keys.');
  mount(el, list, form, result);
  load();
}

const sortKeys = (keys) => [...keys].sort((a, b) => (!!a.revoked_at - !!b.revoked_at) || String(b.created_at).localeCompare(String(a.created_at)));

/** Revoking asks for a second click instead of a browser dialog: clear, and keyboard friendly. */
function revokeButton(k, result, reload) {
  const box = h('span');
  const ask = h('button.btn.tiny.danger', { type: 'button', 'aria-label': `Revoke key ${k.name}` }, 'Revoke');
  ask.addEventListener('click', () => {
    const yes = h('button.btn.tiny.danger', { type: 'button', 'aria-label': `Confirm: revoke key ${k.name}` }, 'Yes, revoke');
    const no = h('button.btn.tiny', { type: 'button' }, 'Cancel');
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await api(`/api/v1/keys/${encodeURIComponent(k.id)}`, { method: 'DELETE' });
        mount(result, h('p.notice', { role: 'status' }, `Key “${k.name}” revoked: requests with it are refused from now on.`));
        reload();
      } catch (err) {
        mount(result, errorBox(err));
        yes.disabled = false;
      }
    });
    no.addEventListener('click', () => { mount(box, ask); ask.focus(); });
    mount(box, h('span.muted', null, 'Requests with this key will fail. '), yes, ' ', no);
    yes.focus();
  });
  return mount(box, ask);
}
