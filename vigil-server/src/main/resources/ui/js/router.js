// History routing: /ui/<page>[/<trace id>]?<query>. Every piece of view state (time range,
// feature, filters, sort, selected span, SQL text) lives in the query, so a URL can be shared or
// reloaded and shows the same thing; the server answers index.html for any /ui/ path without a file
// extension, and a signed-out visitor comes back to the same URL after signing in. Links are real
// <a href> elements; clicks on them are taken over here so the page is not reloaded.

const BASE = '/ui/';
const NAVIGATE = 'vigil:navigate';

/** Parameters that follow the user from page to page. */
export const GLOBAL_PARAMS = ['project', 'range', 'from', 'to', 'feature'];

export function parse(url = location) {
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : '';
  const [page, ...rest] = path.split('/').filter(Boolean);
  return {
    page: page || 'overview',
    arg: rest.length ? decodeURIComponent(rest.join('/')) : null,
    params: new URLSearchParams(url.search),
  };
}

function build(page, arg, params) {
  const u = new URLSearchParams();
  for (const [k, v] of params) if (v != null && v !== '') u.append(k, v);
  const q = u.toString();
  return `${BASE}${page}${arg ? `/${encodeURIComponent(arg)}` : ''}${q ? `?${q}` : ''}`;
}

/** Entries of a plain object or URLSearchParams, arrays expanded. */
function entries(obj) {
  if (!obj) return [];
  if (obj instanceof URLSearchParams) return [...obj];
  const out = [];
  for (const [k, v] of Object.entries(obj)) {
    if (Array.isArray(v)) v.forEach((x) => out.push([k, x]));
    else out.push([k, v]);
  }
  return out;
}

/**
 * A link to page/arg that keeps the global parameters of the current URL; `params` adds to them
 * (a null value removes one).
 */
export function link(page, params, arg) {
  const current = parse().params;
  const merged = new URLSearchParams();
  for (const k of GLOBAL_PARAMS) for (const v of current.getAll(k)) merged.append(k, v);
  const given = entries(params);
  for (const k of new Set(given.map(([key]) => key))) merged.delete(k);
  for (const [k, v] of given) if (v != null && v !== '') merged.append(k, String(v));
  return build(page, arg, merged);
}

/** The current URL with some parameters changed (null removes). */
export function withParams(changes) {
  const { page, arg, params } = parse();
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    next.delete(k);
    if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
    else if (v != null && v !== '') next.append(k, String(v));
  }
  return build(page, arg, next);
}

const here = () => location.pathname + location.search;

/** Navigates; replace=true edits the current history entry instead of adding one. */
export function go(url, { replace = false } = {}) {
  if (url === here()) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** Rewrites the URL without re-rendering (state the page already shows, e.g. a selected span). */
export function remember(url) {
  if (url !== here()) history.replaceState(null, '', url);
}

/** Calls onRoute for every navigation: links, back/forward, go(). */
export function listen(onRoute) {
  // links to older #/page URLs still work
  if (location.hash.startsWith('#/')) history.replaceState(null, '', BASE + location.hash.slice(2));
  window.addEventListener('popstate', onRoute);
  window.addEventListener(NAVIGATE, onRoute);
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest('a[href]');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || /\.[a-z0-9]+$/i.test(url.pathname)) return;
    e.preventDefault();
    go(url.pathname + url.search);
  });
}
