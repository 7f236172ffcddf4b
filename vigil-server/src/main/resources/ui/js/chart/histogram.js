// Histograms of a distribution (latency, tokens): columns over bins, with percentile markers. Bins
// are usually logarithmic (latency spans ms to minutes), so every column is equally wide and its
// edges are labelled.
import { s, h } from '../dom.js';
import {
  PALETTE, MARKER_COLOR, linear, niceTicks, niceMax, textWidth, fmt, frame, showTip, svgRoot, yAxis, emptyChart,
} from './base.js';

/** opts: {bins: [{lo, hi, count}], unit (of the bin edges), markers: [{value, label}], label, onPick({lo, hi})} */
export function histogram(el, opts) {
  if (!opts.bins.length || !opts.bins.some((b) => b.count > 0)) return emptyChart(el, opts.emptyText || 'No data in this range.');
  return frame(el, (width, tip) => draw(width, tip, opts));
}

function draw(width, tip, opts) {
  const { bins, unit = 'ms', markers = [] } = opts;
  const height = opts.height || 180;
  const top = niceMax(Math.max(...bins.map((b) => b.count)));
  const ticks = niceTicks(0, top, 4);
  const left = Math.max(...ticks.map((t) => textWidth(fmt('count', t, true)))) + 12;
  const right = width - 10;
  const bottom = height - 22;
  const bw = (right - left) / bins.length;
  const y = linear([0, top], [bottom, 10]);
  const svg = svgRoot(width, height, opts.label || 'histogram');
  svg.setAttribute('tabindex', '0');
  yAxis(svg, y, ticks, left, right, 'count');
  const every = Math.max(1, Math.ceil(bins.length / Math.max(2, Math.floor((right - left) / 56))));
  const cols = bins.map((b, i) => {
    const x0 = left + i * bw;
    const rect = s('rect', { x: (x0 + 1).toFixed(1), y: y(b.count).toFixed(1), width: Math.max(1, bw - 2).toFixed(1),
      height: Math.max(0, bottom - y(b.count)).toFixed(1), fill: PALETTE[0], class: 'bar' });
    svg.append(rect);
    if (i % every === 0) {
      svg.append(s('text', { x: x0, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, fmt(unit, b.lo, true)));
    }
    return rect;
  });
  svg.append(s('line', { x1: left, x2: right, y1: bottom + 0.5, y2: bottom + 0.5, class: 'baseline' }));

  // a marker sits inside its bin, proportionally (log-proportionally when the bins grow geometrically)
  const geometric = bins.length > 2 && bins[0].lo > 0 && Math.abs(bins[1].hi / bins[1].lo - bins[2].hi / bins[2].lo) < 1e-6;
  let labelEnd = -Infinity;
  let labelY = 16;
  for (const m of markers) {
    const i = bins.findIndex((b) => m.value >= b.lo && m.value < b.hi);
    if (i < 0) continue;
    const b = bins[i];
    const frac = geometric ? Math.log(m.value / b.lo) / Math.log(b.hi / b.lo) : (m.value - b.lo) / (b.hi - b.lo);
    const px = Math.round(left + (i + frac) * bw) + 0.5;
    const text = `${m.label} ${fmt(unit, m.value, true)}`;
    labelY = px + 3 < labelEnd ? labelY + 12 : 16; // close markers: the next label one line lower
    labelEnd = px + 3 + textWidth(text);
    svg.append(s('line', { x1: px, x2: px, y1: 8, y2: bottom, stroke: MARKER_COLOR, class: 'marker' }));
    svg.append(s('text', { x: px + 3, y: labelY, class: 'marker-label' }, text));
  }

  let index = -1;
  const total = bins.reduce((a, b) => a + b.count, 0);
  const show = (i) => {
    if (index >= 0) cols[index].classList.remove('hover');
    index = i;
    cols[i].classList.add('hover');
    const b = bins[i];
    showTip(tip, left + (i + 0.5) * bw, y(b.count), width, [
      h('div.tip-time', null, `${fmt(unit, b.lo)} – ${fmt(unit, b.hi)}`),
      h('div', null, `${fmt('count', b.count)} (${total ? ((b.count / total) * 100).toFixed(1) : 0}%)`),
      opts.onPick ? h('div.tip-hint', null, 'Click: these traces') : null].filter(Boolean));
  };
  const hide = () => { if (index >= 0) cols[index].classList.remove('hover'); index = -1; tip.hidden = true; };
  const overlay = s('rect', { x: left, y: 0, width: right - left, height: bottom, class: 'overlay' });
  svg.append(overlay);
  const at = (e) => Math.min(bins.length - 1, Math.max(0, Math.floor((e.clientX - svg.getBoundingClientRect().left - left) / bw)));
  overlay.addEventListener('pointermove', (e) => show(at(e)));
  overlay.addEventListener('pointerleave', hide);
  overlay.addEventListener('click', (e) => opts.onPick && opts.onPick(bins[at(e)]));
  svg.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      show(Math.min(bins.length - 1, Math.max(0, index + (e.key === 'ArrowRight' ? 1 : -1))));
    } else if (e.key === 'Enter' && index >= 0 && opts.onPick) {
      opts.onPick(bins[index]);
    }
  });
  svg.addEventListener('blur', hide);
  return svg;
}

/** Geometric bin edges from lo to hi, `perDecade` bins per factor of ten. */
export function logBins(lo, hi, perDecade = 4) {
  const edges = [];
  const k = 10 ** (1 / perDecade);
  for (let e = lo; e < hi * k; e *= k) edges.push(Number(e.toPrecision(3)));
  return edges;
}
