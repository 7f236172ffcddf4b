// The span tree of GET /api/v1/traces/{id} as the pages walk it, and the loading of a trace or
// session page together with the project's PII markers.
import { h, mount } from './dom.js';
import { api } from './api.js';
import { errorBox, loading } from './components.js';
import { piiLabels, usePiiPattern } from './messages.js';

const start = (s) => Date.parse(s.start_time);

/** Depth-first order of the span tree (children by start time), each span with its depth. */
export function flatten(roots) {
  const out = [];
  const walk = (node, depth) => {
    out.push({ ...node, depth });
    [...(node.children || [])].sort((a, b) => start(a) - start(b)).forEach((c) => walk(c, depth + 1));
  };
  [...roots].sort((a, b) => start(a) - start(b)).forEach((r) => walk(r, 0));
  return out;
}

/**
 * Loads one detail resource with the PII markers it will be shown with; on failure shows what and
 * why with a way back, and resolves to null.
 */
export async function loadDetail(view, ctx, { path, what, id, back }) {
  mount(view, loading(`Loading ${what.toLowerCase()}…`));
  try {
    const [res, pattern] = await Promise.all([api(path, { signal: ctx.signal }), piiLabels()]);
    usePiiPattern(pattern);
    return res;
  } catch (e) {
    if (e.name !== 'AbortError') {
      mount(view, h('div.page-head', null, h('h1', null, what), h('code', null, id)), errorBox(e, ctx.refresh),
        h('p', null, h('a', { href: back.href }, `← Back to ${back.label}`)));
    }
    return null;
  }
}
