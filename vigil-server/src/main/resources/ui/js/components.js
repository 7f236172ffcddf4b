// Shared building blocks: loading/empty/error states, panels, tables, KPI tiles, copy buttons and
// pagers. Pages compose these so every page behaves the same way when data is slow, absent or broken.
import { h, mount } from './dom.js';
import { go } from './router.js';

export function loading(text = 'Loading…') {
  return h('p.state.loading', { role: 'status' }, text);
}

export function empty(text, ...extra) {
  return h('div.state.empty', null, h('p', null, text), ...extra);
}

export function errorBox(err, retry, title) {
  const msg = err && err.message ? err.message : String(err);
  return h('div.state.error', { role: 'alert' },
    h('p', null, h('strong', null, title ? `${title}: ` : err && err.status ? `Error ${err.status}: ` : 'Error: '), msg),
    retry ? h('button.btn', { type: 'button', onclick: retry }, 'Try again') : null);
}

/**
 * Fills `el` from an async loader: shows loading, then render(data) (returning nodes, or null for
 * "nothing to show", which shows `emptyText`), or the error with a retry button. Aborted loads
 * (the user navigated away) leave the element alone.
 */
export async function fill(el, loader, render, emptyText = 'Nothing in this range.') {
  mount(el, loading());
  try {
    const data = await loader();
    const out = render(data);
    if (out == null || (Array.isArray(out) && out.length === 0)) mount(el, empty(emptyText));
    else mount(el, ...[out].flat());
  } catch (e) {
    if (e.name === 'AbortError') return;
    mount(el, errorBox(e, () => fill(el, loader, render, emptyText)));
  }
}

/** A titled section; `body` may be filled later. */
export function panel(title, body, { actions, sub, wide, id } = {}) {
  return h(`section.panel${wide ? '.wide' : ''}`, { id, 'aria-label': title },
    h('header.panel-head', null, h('h3', null, title), sub ? h('span.sub', null, sub) : null,
      actions ? h('div.actions', null, actions) : null),
    body);
}

export function kpi(label, value, { sub, tone, title } = {}) {
  return h(`div.kpi${tone ? `.${tone}` : ''}`, { title },
    h('div.kpi-label', null, label), h('div.kpi-value', null, value), sub ? h('div.kpi-sub', null, sub) : null);
}

/**
 * table(columns, rows, {rowHref, caption}) — columns: {label, value(row) → node|text, num, cls, title}.
 * With rowHref the first cell is a real link (keyboard and middle-click work) and the whole row is
 * clickable for the mouse.
 */
export function table(columns, rows, { rowHref, caption, rowClass } = {}) {
  const thead = h('thead', null, h('tr', null, columns.map((c) =>
    h(`th${c.num ? '.num' : ''}`, { scope: 'col', title: c.title }, c.label))));
  const tbody = h('tbody', null, rows.map((row) => {
    const href = rowHref ? rowHref(row) : null;
    const tr = h(`tr${href ? '.linkrow' : ''}`, { className: rowClass ? rowClass(row) : null },
      columns.map((c, i) => {
        let content = c.value(row);
        if (i === 0 && href) content = h('a.rowlink', { href }, content);
        return h(`td${c.num ? '.num' : ''}${c.cls ? `.${c.cls}` : ''}`, null, content);
      }));
    if (href) {
      tr.addEventListener('click', (e) => {
        if (e.target.closest('a, button, input, select') || window.getSelection().toString()) return;
        if (e.ctrlKey || e.metaKey) window.open(href, '_blank');
        else go(href);
      });
    }
    return tr;
  }));
  return h('div.table-wrap', null, h('table.data', null, caption ? h('caption.sr-only', null, caption) : null, thead, tbody));
}

/** Copies text; the button says "Copied" for a moment. Falls back to a selection outside https. */
export function copyButton(text, label = 'Copy') {
  const btn = h('button.btn.tiny.ghost', { type: 'button', title: `Copy ${text}`, 'aria-label': `${label}: ${text}` }, label);
  btn.addEventListener('click', async (e) => {
    e.stopPropagation();
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const ta = h('textarea.offscreen', { value: text, 'aria-hidden': 'true' });
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    btn.textContent = 'Copied';
    setTimeout(() => { btn.textContent = label; }, 1200);
  });
  return btn;
}

/** Previous/next for cursor pagination. */
export function pager({ page, hasPrev, hasNext, onPrev, onNext, note }) {
  return h('nav.pager', { 'aria-label': 'Pages' },
    h('button.btn', { type: 'button', disabled: !hasPrev, onclick: onPrev }, '← Previous'),
    h('span.pager-note', null, note || `Page ${page}`),
    h('button.btn', { type: 'button', disabled: !hasNext, onclick: onNext }, 'Next →'));
}

export function badge(text, tone = '') {
  return h(`span.badge${tone ? `.${tone}` : ''}`, null, text);
}

/** A definition list from [label, value] pairs; null values are skipped. */
export function facts(pairs) {
  return h('dl.facts', null, pairs.filter(([, v]) => v != null && v !== '').map(([k, v]) =>
    h('div', null, h('dt', null, k), h('dd', null, v))));
}

/** Legend chips for charts, colours set through CSSOM (the CSP allows that, not style attributes). */
export function legend(items) {
  return h('ul.legend', null, items.map(({ label, name, color }) => {
    const sw = h('span.swatch', { 'aria-hidden': 'true' });
    sw.style.background = color;
    return h('li', null, sw, label ?? name);
  }));
}

/**
 * Runs fn once el comes near the viewport: sections below the fold query the server only when
 * someone scrolls to them, so the first screen gets the server to itself.
 */
export function whenVisible(el, fn) {
  if (typeof IntersectionObserver !== 'function') { fn(); return; }
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      io.disconnect();
      fn();
    }
  }, { rootMargin: '250px 0px' });
  io.observe(el);
}
