// The one way pages talk to the server: same-origin fetch with the session cookie, the chosen
// project in X-Vigil-Project and the CSRF token on every state-changing call. A 401 means the
// session is gone: go to the login page and come back here afterwards.

const session = { project: null, csrf: null };

export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body; // the parsed error document, e.g. a scorecard's `problems`
  }
}

export function configure({ project, csrf }) {
  if (project !== undefined) session.project = project;
  if (csrf !== undefined) session.csrf = csrf;
}

export function currentProject() {
  return session.project;
}

export function toLogin() {
  const next = location.pathname + location.search + location.hash;
  location.assign(`/login?next=${encodeURIComponent(next)}`);
}

/** Query string from an object: null/''/undefined dropped, arrays repeated. */
export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v == null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else u.append(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

/**
 * api('/api/v1/traces', {query: {...}}) → parsed JSON (null for 204); `raw` sends a text body verbatim.
 * Throws ApiError with the server's own message ({"error": ...}) so pages can show it verbatim.
 */
export async function api(path, { method = 'GET', query, body, raw, signal, project } = {}) {
  const headers = { Accept: 'application/json' };
  const pid = project ?? session.project;
  if (pid != null) headers['X-Vigil-Project'] = String(pid);
  if (method !== 'GET' && method !== 'HEAD') {
    if (session.csrf) headers['X-CSRF-Token'] = session.csrf;
  }
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (raw !== undefined) {
    headers['Content-Type'] = 'application/yaml'; // a body sent as it is (scorecards are YAML)
    payload = raw;
  }
  let res;
  try {
    res = await fetch(path + qs(query), { method, headers, body: payload, signal, credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('Vigil cannot be reached: is the server running?', 0);
  }
  if (res.status === 401 && !path.startsWith('/api/v1/auth/logout')) {
    toLogin();
    throw new ApiError('Your session has ended; signing in again…', 401);
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the message below
  }
  if (!res.ok) {
    const msg = json && json.error ? json.error : (text || res.statusText || 'request failed').slice(0, 300);
    throw new ApiError(msg, res.status, json);
  }
  return json;
}

/** The read-only SQL console: {columns, types, rows, truncated, elapsed_ms}. */
export function sql(query, signal) {
  return api('/api/v1/sql', { method: 'POST', body: { query }, signal });
}

/** SQL rows as objects keyed by column name. */
export async function sqlObjects(query, signal) {
  const r = await sql(query, signal);
  return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]])));
}

/** A SQL string literal. */
export function lit(s) {
  return `'${String(s).replaceAll("'", "''")}'`;
}
