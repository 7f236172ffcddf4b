// Hash routing: #/page/arg?query. Every piece of view state (time range, feature, filters, sort,
// selected span, SQL text) lives in the query, so a URL can be shared or reloaded and shows the same
// thing. Hash routes need nothing from the server beyond /ui/ itself.

/** Parameters that follow the user from page to page. */
export const GLOBAL_PARAMS = ['project', 'range', 'from', 'to', 'feature'];

export function parse(hash = location.hash) {
  const raw = hash.startsWith('#/') ? hash.slice(2) : '';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [page, ...rest] = path.split('/').filter(Boolean);
  return { page: page || 'overview', arg: rest.length ? decodeURIComponent(rest.join('/')) : null, params };
}

function build(page, arg, params) {
  const u = new URLSearchParams();
  for (const [k, v] of params) if (v != null && v !== '') u.append(k, v);
  const q = u.toString();
  return `#/${page}${arg ? `/${encodeURIComponent(arg)}` : ''}${q ? `?${q}` : ''}`;
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

/** Navigates; replace=true edits the current history entry (live state like a selected tab). */
export function go(hash, { replace = false } = {}) {
  if (hash === location.hash) return;
  if (replace) {
    history.replaceState(history.state, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

/** Rewrites the URL without re-rendering (state the page already shows, e.g. a selected span). */
export function remember(hash) {
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
}
