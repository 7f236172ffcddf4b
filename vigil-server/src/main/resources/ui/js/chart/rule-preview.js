// The rule preview: the rule's metric per evaluation step (one line per group), the threshold as a
// dashed line, and the stretches where the rule would have been pending (amber) or firing (red)
// shaded behind them; ▼ marks a change event. Colours are SVG presentation attributes (CSP-safe).
import { s, h } from '../dom.js';
import { PALETTE, linear, niceTicks, niceMax, timeTicks, timeLabel, textWidth, frame, svgRoot, yAxis, emptyChart,
  drawMarkers } from './base.js';

const HEIGHT = 220;
const SHADE = { pending: '#e3a008', firing: '#c0262d' };

/** p: the preview API's answer (series, intervals, threshold, from, to); markers: change events ({t, label}). */
export function rulePreview(el, p, markers = []) {
  if (!p.series.length) return emptyChart(el, 'The rule had no data that meets min_samples in this range.');
  return frame(el, (width) => draw(width, p, markers));
}

function draw(width, p, markers) {
  const t0 = Date.parse(p.from);
  const t1 = Date.parse(p.to);
  const groups = [...new Set(p.series.map((pt) => pt.group))];
  const max = Math.max(p.threshold ?? 0, ...p.series.map((pt) => pt.value));
  const top = niceMax(max * 1.05);
  const ticks = niceTicks(0, top, 4);
  const left = Math.max(...ticks.map((t) => textWidth(String(t)))) + 12;
  const right = width - 10;
  const plotTop = 10;
  const bottom = HEIGHT - 22;
  const x = linear([t0, t1], [left, right]);
  const y = linear([0, top], [bottom, plotTop]);
  const svg = svgRoot(width, HEIGHT, `Rule preview: ${p.rule.condition}`);
  const g = s('g');
  svg.append(g);
  for (const iv of p.intervals) {
    const x0 = Math.max(left, x(Date.parse(iv.from)));
    const x1 = Math.min(right, x(Date.parse(iv.to)));
    g.append(s('rect', { x: x0.toFixed(1), y: plotTop, width: Math.max(1, x1 - x0).toFixed(1), height: bottom - plotTop,
      fill: SHADE[iv.status], 'fill-opacity': 0.16, class: `would-${iv.status}` },
      s('title', null, `${iv.group ? `${iv.group}: ` : ''}${iv.status} ${new Date(iv.from).toLocaleString()} – ${new Date(iv.to).toLocaleString()}`)));
  }
  yAxis(g, y, ticks, left, right, 'count');
  const { ticks: xt, step } = timeTicks(t0, t1, Math.max(2, Math.floor((right - left) / 80)));
  for (const t of xt) g.append(s('text', { x: x(t), y: HEIGHT - 6, 'text-anchor': 'middle', class: 'axis' }, timeLabel(t, step)));
  g.append(s('line', { x1: left, x2: right, y1: bottom + 0.5, y2: bottom + 0.5, class: 'baseline' }));
  const stepMs = p.step_seconds * 1000;
  groups.forEach((group, i) => {
    const color = PALETTE[i % PALETTE.length];
    let d = '';
    let last = null;
    for (const pt of p.series.filter((q) => q.group === group)) {
      const t = Date.parse(pt.time);
      d += `${last != null && t - last <= stepMs ? 'L' : 'M'}${x(t).toFixed(1)},${y(pt.value).toFixed(1)}`;
      last = t;
      g.append(s('circle', { cx: x(t).toFixed(1), cy: y(pt.value).toFixed(1), r: 1.5, fill: color }));
    }
    g.append(s('path', { d, stroke: color, fill: 'none', class: 'line' }, s('title', null, group || p.rule.name)));
  });
  if (p.threshold != null) { // a baseline, budget, trend or chart condition has no fixed line to draw
    const ty = Math.round(y(p.threshold)) + 0.5;
    g.append(s('line', { x1: left, x2: right, y1: ty, y2: ty, stroke: '#c0262d', 'stroke-dasharray': '5 4', class: 'threshold' },
      s('title', null, `threshold ${p.threshold}`)));
  }
  drawMarkers(g, markers, x, t0, t1, plotTop, bottom);
  return svg;
}

/** A legend line for the preview: groups and what the shading means. */
export function previewLegend(p) {
  const firing = p.intervals.filter((i) => i.status === 'firing').length;
  const pending = p.intervals.filter((i) => i.status === 'pending').length;
  return h('p.sub.preview-summary', { role: 'status' },
    `Would have fired ${firing} time${firing === 1 ? '' : 's'}, with ${pending} pending stretch${pending === 1 ? '' : 'es'}; `
    + `${p.series.length} evaluations had data, one every ${Math.round(p.step_seconds / 60)} min.`
    + (p.threshold != null ? ` Dashed line: threshold ${p.threshold}.` : ''));
}
