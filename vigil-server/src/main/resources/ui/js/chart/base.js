// What every chart shares: scales, "nice" ticks, time ticks, the frame (SVG + tooltip inside a
// container that re-draws on resize) and the tooltip itself.
import { h, s, mount, debounce } from '../dom.js';
import { byUnit } from '../format.js';

export const PALETTE = ['#3f6fd8', '#e0703a', '#23996b', '#9457c9', '#c9a227', '#1c9bb3', '#cf4b8e', '#7b8794',
  '#5c3fc4', '#8a6d3b'];
export const MARKER_COLOR = '#d9480f';

/** Linear scale from a domain to a range. */
export function linear([d0, d1], [r0, r1]) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = (v) => r0 + (v - d0) * k;
  f.invert = (px) => (k === 0 ? d0 : d0 + (px - r0) / k);
  return f;
}

/** Log10 scale; values ≤ 0 are drawn at the floor. */
export function log([d0, d1], [r0, r1]) {
  const l0 = Math.log10(Math.max(d0, 1e-9));
  const l1 = Math.log10(Math.max(d1, d0 * 10, 1e-8));
  const lin = linear([l0, l1], [r0, r1]);
  const f = (v) => lin(Math.log10(Math.max(v, d0, 1e-9)));
  f.invert = (px) => 10 ** lin.invert(px);
  return f;
}

/** ~count round-numbered ticks covering [min, max]. */
export function niceTicks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= raw) || 10 * mag;
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** The smallest round maximum ≥ max for a y axis starting at zero. */
export function niceMax(max) {
  if (!(max > 0)) return 1;
  const ticks = niceTicks(0, max, 4);
  const last = ticks[ticks.length - 1];
  return last >= max ? last : last + (ticks[1] - ticks[0]);
}

export function logTicks(min, max) {
  const out = [];
  for (let e = Math.floor(Math.log10(Math.max(min, 1e-9))); 10 ** e <= max * 1.0001; e += 1) {
    if (10 ** e >= min * 0.9999) out.push(10 ** e);
  }
  return out.length ? out : [min, max];
}

const TIME_STEPS = [60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000,
  21_600_000, 43_200_000, 86_400_000, 2 * 86_400_000, 7 * 86_400_000];

/** Tick times on local-time boundaries, about `count` of them. */
export function timeTicks(from, to, count) {
  const step = TIME_STEPS.find((st) => (to - from) / st <= count) || TIME_STEPS[TIME_STEPS.length - 1];
  const offset = new Date(from).getTimezoneOffset() * 60_000; // align to local midnight/hours
  const out = [];
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) out.push(t);
  return { ticks: out, step };
}

const pad = (n) => String(n).padStart(2, '0');
export function timeLabel(t, step) {
  const d = new Date(t);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const day = d.toLocaleString('en-US', { month: 'short', day: 'numeric' });
  if (step >= 86_400_000) return day;
  if (d.getHours() === 0 && d.getMinutes() === 0) return day;
  return hm;
}

/** Width a label of n characters takes in the 11 px axis font. */
export const textWidth = (str) => String(str).length * 6.4;

export function fmt(unit, v, short = false) {
  return byUnit(unit, v, short);
}

/**
 * Sets up the chart container: a relative box holding the SVG and a tooltip. draw(width) is called
 * now and again when the width changes; it returns the SVG to show.
 */
export function frame(el, draw) {
  el.classList.add('chart');
  const tip = h('div.tip', { role: 'status', 'aria-live': 'off' });
  tip.hidden = true;
  let lastWidth = -1;
  const render = () => {
    const width = Math.max(240, Math.floor(el.clientWidth || 600));
    if (width === lastWidth) return;
    lastWidth = width;
    tip.hidden = true;
    mount(el, draw(width, tip), tip);
  };
  // charts are usually built before they are attached: draw once there is a width to draw into
  if (el.isConnected && el.clientWidth) render();
  if (typeof ResizeObserver === 'function') {
    const later = debounce(render, 120);
    let attached = false;
    const ro = new ResizeObserver(() => {
      if (!el.isConnected) {
        if (attached) ro.disconnect();
        return;
      }
      attached = true;
      if (lastWidth < 0) render();
      else later();
    });
    ro.observe(el);
  } else if (lastWidth < 0) {
    render();
  }
  return el;
}

/** Shows the tooltip near (x, y) inside the chart, kept within its bounds. */
export function showTip(tip, x, y, width, lines) {
  mount(tip, ...lines.map((l) => (l instanceof Node ? l : h('div', null, l))));
  tip.hidden = false;
  const tw = tip.offsetWidth || 160;
  const left = x + 14 + tw > width ? Math.max(0, x - 14 - tw) : x + 14;
  tip.style.left = `${left}px`;
  tip.style.top = `${Math.max(0, y - 10)}px`;
}

/** A coloured series name followed by its value, for tooltips. */
export function tipRow(color, name, value) {
  const sw = h('span.swatch', { 'aria-hidden': 'true' });
  sw.style.background = color;
  return h('div.tip-row', null, sw, h('span.tip-name', null, name), h('b', null, value));
}

export function svgRoot(width, height, label) {
  return s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label,
    class: 'chart-svg' });
}

/** Horizontal grid lines with y labels; returns the left margin used. */
export function yAxis(g, y, ticks, left, right, unit) {
  for (const t of ticks) {
    const py = Math.round(y(t)) + 0.5;
    g.append(s('line', { x1: left, x2: right, y1: py, y2: py, class: 'grid' }));
    g.append(s('text', { x: left - 6, y: py + 3.5, 'text-anchor': 'end', class: 'axis' }, fmt(unit, t, true)));
  }
}

export function emptyChart(el, text) {
  el.classList.add('chart');
  mount(el, h('p.state.empty.chart-empty', null, text));
  return el;
}

/**
 * Change-event markers ({t, label}) that fall in [t0, t1]: a dashed vertical line and a small
 * triangle above the plot, each named by a <title> (the tooltip). Every time chart draws them here;
 * returns the markers drawn.
 */
export function drawMarkers(g, markers = [], x, t0, t1, plotTop, bottom) {
  const visible = markers.filter((m) => m.t >= t0 && m.t <= t1);
  for (const m of visible) {
    const px = Math.round(x(m.t)) + 0.5;
    const name = `${m.label} (${new Date(m.t).toLocaleString()})`;
    g.append(s('g', { class: 'change-marker', 'data-change': m.change?.id ?? null },
      s('title', null, name),
      s('line', { x1: px, x2: px, y1: plotTop, y2: bottom, stroke: MARKER_COLOR, class: 'marker' }),
      s('line', { x1: px, x2: px, y1: plotTop - 6, y2: bottom, stroke: 'transparent', 'stroke-width': 7, class: 'marker-hit' }),
      s('path', { d: `M${px - 4},${plotTop - 6}L${px + 4},${plotTop - 6}L${px},${plotTop}Z`, fill: MARKER_COLOR })));
  }
  return visible;
}
