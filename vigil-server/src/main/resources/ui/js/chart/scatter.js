// Scatter of individual calls (tokens against latency or cost), coloured by a group such as the
// model. Hover or arrow keys pick the nearest point; click or Enter opens its trace.
import { s, h } from '../dom.js';
import { go } from '../router.js';
import {
  PALETTE, linear, log, niceTicks, niceMax, logTicks, textWidth, fmt, frame, showTip, svgRoot, emptyChart,
} from './base.js';

/**
 * opts: {points: [{x, y, group, href, label}], groups: [names, colour order], xUnit, yUnit, xLabel,
 * yLabel, logX, logY, label}
 */
export function scatter(el, opts) {
  const points = opts.points.filter((p) => p.x != null && p.y != null);
  if (!points.length) return emptyChart(el, opts.emptyText || 'No calls in this range.');
  return frame(el, (width, tip) => draw(width, tip, { ...opts, points }));
}

function axis(values, isLog) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (isLog) {
    const min = Math.max(lo, 1e-6);
    const from = 10 ** Math.floor(Math.log10(min));
    const to = 10 ** Math.ceil(Math.log10(Math.max(hi, from * 10)));
    return { domain: [from, to], ticks: logTicks(from, to) };
  }
  const top = niceMax(hi);
  return { domain: [0, top], ticks: niceTicks(0, top, 4) };
}

function draw(width, tip, opts) {
  const { points, xUnit, yUnit } = opts;
  const groups = opts.groups || [...new Set(points.map((p) => p.group))];
  const color = (g) => PALETTE[Math.max(0, groups.indexOf(g)) % PALETTE.length];
  const height = opts.height || 220;
  const ax = axis(points.map((p) => p.x), opts.logX);
  const ay = axis(points.map((p) => p.y), opts.logY);
  const left = Math.max(...ay.ticks.map((t) => textWidth(fmt(yUnit, t, true)))) + 14;
  const right = width - 12;
  const bottom = height - 34;
  const x = (opts.logX ? log : linear)(ax.domain, [left, right]);
  const y = (opts.logY ? log : linear)(ay.domain, [bottom, 10]);
  const svg = svgRoot(width, height, opts.label || 'scatter plot');
  svg.setAttribute('tabindex', '0');
  for (const t of ay.ticks) {
    const py = Math.round(y(t)) + 0.5;
    svg.append(s('line', { x1: left, x2: right, y1: py, y2: py, class: 'grid' }));
    svg.append(s('text', { x: left - 6, y: py + 3.5, 'text-anchor': 'end', class: 'axis' }, fmt(yUnit, t, true)));
  }
  const every = Math.max(1, Math.ceil(ax.ticks.length / Math.max(2, Math.floor((right - left) / 60))));
  ax.ticks.forEach((t, i) => {
    const px = Math.round(x(t)) + 0.5;
    svg.append(s('line', { x1: px, x2: px, y1: 10, y2: bottom, class: 'grid' }));
    if (i % every === 0) svg.append(s('text', { x: px, y: bottom + 14, 'text-anchor': 'middle', class: 'axis' }, fmt(xUnit, t, true)));
  });
  svg.append(s('text', { x: (left + right) / 2, y: height - 4, 'text-anchor': 'middle', class: 'axis-title' }, opts.xLabel || ''));
  svg.append(s('text', { x: left + 4, y: 20, class: 'axis-title' }, opts.yLabel ? `↑ ${opts.yLabel}` : ''));

  const placed = points.map((p) => ({ p, px: x(p.x), py: y(p.y) }));
  for (const q of placed) {
    svg.append(s('circle', { cx: q.px.toFixed(1), cy: q.py.toFixed(1), r: 3.2, fill: color(q.p.group), class: 'pt' }));
  }
  const ring = s('circle', { r: 6, class: 'pt-ring', visibility: 'hidden' });
  svg.append(ring);
  const order = [...placed].sort((a, b) => a.px - b.px);
  let current = null;
  const show = (q) => {
    current = q;
    ring.setAttribute('cx', q.px);
    ring.setAttribute('cy', q.py);
    ring.setAttribute('visibility', 'visible');
    showTip(tip, q.px, q.py, width, [
      h('div.tip-time', null, q.p.label || q.p.group || ''),
      h('div', null, `${opts.xLabel || 'x'}: ${fmt(xUnit, q.p.x)}`),
      h('div', null, `${opts.yLabel || 'y'}: ${fmt(yUnit, q.p.y)}`),
      q.p.href ? h('div.tip-hint', null, 'Click: open trace') : null].filter(Boolean));
  };
  const hide = () => { current = null; ring.setAttribute('visibility', 'hidden'); tip.hidden = true; };
  const overlay = s('rect', { x: left, y: 0, width: right - left, height: bottom, class: 'overlay' });
  svg.append(overlay);
  const nearest = (e) => {
    const r = svg.getBoundingClientRect();
    const mx = e.clientX - r.left;
    const my = e.clientY - r.top;
    let best = null;
    let bestD = 400; // within 20 px
    for (const q of placed) {
      const d = (q.px - mx) ** 2 + (q.py - my) ** 2;
      if (d < bestD) { bestD = d; best = q; }
    }
    return best;
  };
  overlay.addEventListener('pointermove', (e) => { const q = nearest(e); if (q) show(q); else hide(); });
  overlay.addEventListener('pointerleave', hide);
  overlay.addEventListener('click', (e) => { const q = nearest(e); if (q && q.p.href) go(q.p.href); });
  svg.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const i = current ? order.indexOf(current) : -1;
      const next = e.key === 'ArrowRight' ? Math.min(order.length - 1, i + 1) : Math.max(0, i < 0 ? order.length - 1 : i - 1);
      show(order[next]);
    } else if (e.key === 'Enter' && current && current.p.href) {
      go(current.p.href);
    } else if (e.key === 'Escape') {
      hide();
    }
  });
  svg.addEventListener('blur', hide);
  return svg;
}
