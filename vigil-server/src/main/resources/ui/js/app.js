// Boot and shell: who is signed in, which project, the global time range and feature filter, and
// which page module renders into <main>. Pages are loaded on first use.
import { api, configure, sqlObjects, currentProject } from './api.js';
import { h, mount } from './dom.js';
import { parse, link, withParams, go, listen } from './router.js';
import { RANGES, timeWindow, spanWhere } from './state.js';
import { errorBox } from './components.js';
import { dateTime, toLocalInput } from './format.js';

const PAGES = {
  overview: () => import('./pages/overview.js'),
  traces: () => import('./pages/traces.js'),
  trace: () => import('./pages/trace.js'),
  sessions: () => import('./pages/sessions.js'),
  session: () => import('./pages/session.js'),
  users: () => import('./pages/users.js'),
  cost: () => import('./pages/cost.js'),
  drift: () => import('./pages/drift.js'),
  compare: () => import('./pages/compare.js'),
  sql: () => import('./pages/sql.js'),
  scorecards: () => import('./pages/scorecards.js'),
  settings: () => import('./pages/settings.js'),
  review: () => import('./pages/review.js'),
  calibration: () => import('./pages/calibration.js'),
  alerts: () => import('./pages/alerts.js'),
  'alert-rule': () => import('./pages/alert-rule.js'),
};
const NAV_OF = { trace: 'traces', session: 'sessions', 'alert-rule': 'alerts' };
const PROJECT_KEY = 'vigil.project';

const $ = (id) => document.getElementById(id);
let me = null;
let current = null; // {page, subject, controller, cleanups} of the page on screen
let featureKey = null;

async function boot() {
  $('skip').addEventListener('click', () => $('main').focus());
  try {
    me = await api('/api/v1/auth/me');
  } catch (e) {
    if (e.status !== 401) mount($('main'), errorBox(e, () => location.reload()));
    return;
  }
  configure({ csrf: me.csrf_token });
  $('who').textContent = me.username || '';
  $('logout').addEventListener('click', logout);
  setupProjects();
  watchProjectPick();
  setupFilterBar();
  document.addEventListener('keydown', shortcut);
  listen(route);
  route();
}

function projects() {
  return me.projects || [];
}

/** The project of the URL, else the one picked last in this browser, else the first. */
function resolveProject() {
  const list = projects();
  const fromUrl = parse().params.get('project');
  const stored = localStorage.getItem(PROJECT_KEY);
  const pick = [fromUrl, stored].find((id) => id && list.some((p) => String(p.id) === id))
    ?? (list.length ? String(list[0].id) : null);
  if (pick) localStorage.setItem(PROJECT_KEY, pick);
  configure({ project: pick });
  $('project').value = pick ?? '';
  return pick;
}

function setupProjects() {
  const select = $('project');
  mount(select, ...projects().map((p) => h('option', { value: String(p.id) }, p.name)));
  if (!projects().length) mount(select, h('option', { value: '' }, 'no project'));
}

function watchProjectPick() {
  const select = $('project');
  select.addEventListener('change', () => {
    localStorage.setItem(PROJECT_KEY, select.value);
    const { page } = parse();
    // a trace or session belongs to one project: switching leaves for the list page
    const target = NAV_OF[page] || page;
    go(link(target, { project: select.value, feature: null }));
  });
}

async function logout() {
  try {
    await api('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    location.assign('/login');
  }
}

function setupFilterBar() {
  const ranges = $('ranges');
  for (const r of RANGES) {
    ranges.append(h('button.seg', { type: 'button', dataset: { range: r.key },
      onclick: () => go(withParams({ range: r.key, from: null, to: null, cursor: null })) }, r.label));
  }
  ranges.append(h('button.seg', { type: 'button', dataset: { range: 'custom' }, 'aria-expanded': 'false',
    onclick: toggleCustom }, 'Custom'));
  $('custom-apply').addEventListener('click', () => {
    const from = Date.parse($('custom-from').value);
    const to = Date.parse($('custom-to').value);
    if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
      $('range-note').textContent = 'Pick a start before the end.';
      return;
    }
    go(withParams({ range: null, from: new Date(from).toISOString(), to: new Date(to).toISOString(), cursor: null }));
  });
  $('feature').addEventListener('change', (e) => go(withParams({ feature: e.target.value || null, cursor: null })));
  $('refresh').addEventListener('click', () => render(true));
}

function toggleCustom() {
  const box = $('custom-range');
  box.hidden = !box.hidden;
  document.querySelector('[data-range="custom"]').setAttribute('aria-expanded', String(!box.hidden));
  if (!box.hidden) {
    const win = timeWindow();
    $('custom-from').value = toLocalInput(win.from);
    $('custom-to').value = toLocalInput(win.to);
    $('custom-from').focus();
  }
}

function syncFilterBar(showFilters) {
  const bar = $('filterbar');
  bar.hidden = !showFilters;
  if (!showFilters) return;
  const params = parse().params;
  const win = timeWindow(params);
  for (const b of $('ranges').querySelectorAll('button')) {
    b.setAttribute('aria-pressed', String(b.dataset.range === win.key));
  }
  if (win.key === 'custom') $('custom-range').hidden = false;
  $('range-note').textContent = win.relative
    ? `${win.label} · until now`
    : `${dateTime(win.from)} – ${dateTime(win.to)}`;
  loadFeatures(params, win);
}

/** Feature names seen in the window, for the feature filter (one cheap grouped SQL query). */
async function loadFeatures(params, win) {
  const select = $('feature');
  const chosen = params.get('feature') || '';
  const key = `${currentProject()}|${win.key}|${win.relative ? '' : `${win.from}-${win.to}`}`;
  if (key !== featureKey) {
    featureKey = key;
    try {
      const allFeatures = new URLSearchParams(params);
      allFeatures.delete('feature');
      const rows = await sqlObjects(`SELECT feature, count(*) AS n FROM spans
        WHERE ${spanWhere(allFeatures)} AND feature IS NOT NULL GROUP BY feature ORDER BY n DESC LIMIT 100`);
      const names = rows.map((r) => r.feature).sort();
      mount(select, h('option', { value: '' }, 'All features'), ...names.map((n) => h('option', { value: n }, n)));
    } catch (e) {
      featureKey = null; // try again next time
    }
  }
  if (chosen && ![...select.options].some((o) => o.value === chosen)) {
    select.append(h('option', { value: chosen }, chosen));
  }
  select.value = chosen;
}

async function route() {
  const { params } = parse();
  const wanted = params.get('project');
  if (wanted && !projects().some((p) => String(p.id) === wanted)) {
    // a project created since sign-in (or a link from a colleague): ask the server again
    try {
      me = { ...me, ...(await api('/api/v1/auth/me')) };
      setupProjects();
    } catch {
      // fall back to a project we know
    }
  }
  const pid = resolveProject();
  // with several projects a shared link must say which one; with one, the URL stays as typed
  const stated = params.get('project');
  if (pid && stated !== pid && (stated || projects().length > 1)) {
    go(withParams({ project: pid }), { replace: true });
    return;
  }
  render(false);
}

async function render(isRefresh) {
  const { page, arg, params } = parse();
  const loader = PAGES[page];
  if (current) {
    current.controller.abort();
    current.cleanups.forEach((f) => f());
  }
  const controller = new AbortController();
  const cleanups = [];
  const subject = `${arg ?? ''}|${params.get('id') ?? ''}`; // which trace or session
  const samePage = current && current.page === page && current.subject === subject;
  current = { page, subject, controller, cleanups };
  for (const a of document.querySelectorAll('.nav a')) {
    const active = a.dataset.page === (NAV_OF[page] || page);
    a.href = link(a.dataset.page);
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  $('brand').href = link('overview');
  const main = $('main');
  if (!loader) {
    syncFilterBar(false);
    mount(main, h('h1', null, 'Not found'), h('p', null, 'No page here. ', h('a', { href: link('overview') }, 'Go to the overview.')));
    return;
  }
  let mod;
  try {
    mod = (await loader()).default;
  } catch (e) {
    // the UI's files need the session too: an ended session shows up here first
    try {
      await api('/api/v1/auth/me');
    } catch {
      return; // a 401 is on its way to the sign-in page
    }
    mount(main, errorBox(e, () => location.reload()));
    return;
  }
  if (current.controller !== controller) return;
  document.title = `${mod.title}${arg ? ` ${arg.slice(0, 12)}` : ''} · Vigil`;
  syncFilterBar(mod.filters !== false);
  const view = h('div.page', { dataset: { page } });
  // a filter change re-renders the same page: keep focus on the control the user was using
  const focusedId = samePage && document.activeElement ? document.activeElement.id : null;
  mount(main, view);
  if (!samePage) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
  try {
    const done = mod.render(view, {
      page, arg, params, me, signal: controller.signal, refresh: () => render(true),
      onCleanup: (f) => cleanups.push(f),
    });
    if (focusedId && document.getElementById(focusedId)) document.getElementById(focusedId).focus({ preventScroll: true });
    await done;
  } catch (e) {
    if (e.name !== 'AbortError' && current.controller === controller) mount(view, errorBox(e, () => render(true)));
  }
}

function shortcut(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target.closest('input, textarea, select, [contenteditable]')) return;
  if (e.key === 'r' && !$('filterbar').hidden) { e.preventDefault(); render(true); }
  if (e.key === '/' && document.getElementById('flt-q')) { e.preventDefault(); document.getElementById('flt-q').focus(); }
}

boot().catch((e) => mount($('main'), errorBox(e)));
