// Tiny DOM helpers. Everything goes through textContent and properties, never by parsing markup, so data
// from traces (prompts, completions, attribute values) can never become markup. No inline styles:
// the CSP forbids style attributes, so callers use classes or element.style (CSSOM) instead.

const SVG_NS = 'http://www.w3.org/2000/svg';
// read-only or differently named as properties: always set as attributes
const ATTR_ONLY = new Set(['list', 'form', 'for']);

/**
 * h('div.card.wide', {onclick, title, dataset: {...}, 'aria-label': ...}, child, [children], 'text')
 * Keys starting with "on" add listeners; class/className, dataset and properties that exist on the
 * element are set as properties; anything else becomes an attribute.
 */
export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  apply(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements: every key is an attribute (presentation attributes are CSP-safe). */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'style') throw new Error('inline styles are refused by the CSP; use a class');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function apply(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'class' || k === 'className') {
      el.className = [el.className, v].filter(Boolean).join(' ');
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (k === 'style') {
      throw new Error('inline styles are refused by the CSP; use a class or element.style');
    } else if (k === 'text') {
      el.textContent = v;
    } else if (!ATTR_ONLY.has(k) && k in el && typeof el[k] !== 'function' && !k.includes('-')) {
      el[k] = v;
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the content of el with the given children. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Text for screen readers only. */
export function srOnly(text) {
  return h('span.sr-only', null, text);
}

let idCounter = 0;
/** A unique id for label/for pairs. */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form control: label text above the control, wired with for/id. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uid();
  return h('div.field', null,
    h('label', { htmlFor: control.id }, labelText),
    control,
    hint ? h('small.hint', null, hint) : null);
}

/** Debounce for resize observers and typing. */
export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
