// Horizontal bars for rankings ("cost by model"): long labels stay readable, each bar can be a link
// (a real SVG <a>, so Tab and Enter reach it) to the traces behind it.
import { s } from '../dom.js';
import { PALETTE, linear, textWidth, fmt, frame, svgRoot, emptyChart } from './base.js';

const ROW = 24;

/** opts: {items: [{label, value, text? (shown instead of the value), href?, note?}], unit, color?, label, emptyText} */
export function bars(el, opts) {
  const items = opts.items.filter((it) => it.value != null).sort((a, b) => b.value - a.value);
  if (!items.length || !items.some((it) => it.value > 0)) return emptyChart(el, opts.emptyText || 'No data in this range.');
  return frame(el, (width) => draw(width, { ...opts, items }));
}

function clip(text, px) {
  const str = String(text ?? '(none)');
  const fit = Math.floor(px / 6.4);
  return str.length <= fit ? str : `${str.slice(0, Math.max(1, fit - 1))}…`;
}

function draw(width, opts) {
  const { items, unit = 'count' } = opts;
  const color = opts.color || PALETTE[0];
  const max = Math.max(...items.map((it) => it.value));
  const labelW = Math.min(Math.max(...items.map((it) => textWidth(it.label ?? '(none)'))) + 8, Math.max(90, width * 0.38));
  const valueW = Math.max(...items.map((it) => textWidth(it.text ?? fmt(unit, it.value)))) + 10;
  const x = linear([0, max], [labelW, Math.max(labelW + 20, width - valueW)]);
  const height = items.length * ROW + 4;
  const svg = svgRoot(width, height, opts.label || 'bar chart');
  items.forEach((it, i) => {
    const y = i * ROW + 4;
    const label = clip(it.label, labelW - 8);
    const w = Math.max(1, x(it.value) - labelW);
    const row = s('g', { class: 'bar-row' },
      s('title', null, `${it.label ?? '(none)'}: ${it.text ?? fmt(unit, it.value)}${it.note ? ` · ${it.note}` : ''}`),
      s('rect', { x: 0, y: y - 2, width, height: ROW, class: 'bar-hit' }),
      s('text', { x: labelW - 8, y: y + 13, 'text-anchor': 'end', class: 'bar-label' }, label),
      s('rect', { x: labelW, y: y + 2, width: w.toFixed(1), height: ROW - 8, rx: 2, fill: it.color || color }),
      s('text', { x: labelW + w + 5, y: y + 13, class: 'bar-value' }, it.text ?? fmt(unit, it.value)));
    svg.append(it.href ? s('a', { href: it.href, class: 'bar-link', 'aria-label': `${it.label}: ${fmt(unit, it.value)}` }, row) : row);
  });
  return svg;
}
