// A control chart for a rule's ewma(...) / cusum(...) clause. EWMA: the metric per window (dots), the
// EWMA statistic (line), the in-control mean (dashed centre line) and the control limits per window;
// CUSUM: the upper and lower sums against the decision interval h. Windows where the chart was out of
// control get a red ring; ▼ marks a change event. Colours are SVG presentation attributes (CSP-safe).
import { s, h } from '../dom.js';
import { PALETTE, linear, niceTicks, timeTicks, timeLabel, textWidth, frame, svgRoot, yAxis, emptyChart,
  drawMarkers } from './base.js';

const HEIGHT = 220;
const OUT = '#c0262d';
const LIMIT = '#7b8794';

/** c: one entry of the chart API's `charts`; markers: change events ({t, label}). */
export function controlChart(el, c, markers = []) {
  if (!c.points.length) return emptyChart(el, 'No window in range has enough data for this chart yet.');
  return frame(el, (width) => draw(width, c, markers));
}

/** The time axis of a chart (epoch ms): its first to its last window, at least a minute. */
export function timeRange(c) {
  const t0 = Date.parse(c.points[0].time);
  return [t0, Math.max(t0 + 60_000, Date.parse(c.points[c.points.length - 1].time))];
}

function draw(width, c, markers) {
  const ewma = c.kind === 'ewma';
  const pts = c.points;
  const lines = ewma
    ? [['value', '#9aa5b1'], ['statistic', PALETTE[0]], ['lower', LIMIT], ['upper', LIMIT]]
    : [['cusum_high', PALETTE[0]], ['cusum_low', PALETTE[1]], ['upper', LIMIT]];
  const vals = pts.flatMap((p) => lines.map(([k]) => p[k])).filter((v) => v != null);
  if (c.state.mean != null && ewma) vals.push(c.state.mean);
  if (!ewma) vals.push(0, c.params.h);
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (hi === lo) { hi += Math.abs(hi) * 0.1 || 1; lo -= Math.abs(lo) * 0.1 || 1; }
  const ticks = niceTicks(lo, hi, 4);
  lo = Math.min(lo, ticks[0]);
  hi = Math.max(hi, ticks[ticks.length - 1]);
  const left = Math.max(...ticks.map((t) => textWidth(String(t)))) + 12;
  const right = width - 10;
  const plotTop = 10;
  const bottom = HEIGHT - 22;
  const [t0, t1] = timeRange(c);
  const x = linear([t0, t1], [left, right]);
  const y = linear([lo, hi], [bottom, plotTop]);
  const svg = svgRoot(width, HEIGHT, `Control chart: ${c.clause}`);
  svg.classList.add('control-chart');
  const g = s('g');
  svg.append(g);
  yAxis(g, y, ticks, left, right, 'count');
  const { ticks: xt, step } = timeTicks(t0, t1, Math.max(2, Math.floor((right - left) / 80)));
  for (const t of xt) g.append(s('text', { x: x(t), y: HEIGHT - 6, 'text-anchor': 'middle', class: 'axis' }, timeLabel(t, step)));
  if (ewma && c.state.mean != null) {
    const cy = Math.round(y(c.state.mean)) + 0.5;
    g.append(s('line', { x1: left, x2: right, y1: cy, y2: cy, stroke: LIMIT, 'stroke-dasharray': '5 4', class: 'centre' },
      s('title', null, `in-control mean ${c.state.mean}`)));
  }
  for (const [key, color] of lines) {
    let d = '';
    for (const p of pts) {
      if (p[key] == null) { d += ' '; continue; }
      d += `${d === '' || d.endsWith(' ') ? 'M' : 'L'}${x(Date.parse(p.time)).toFixed(1)},${y(p[key]).toFixed(1)}`;
    }
    const limit = key === 'lower' || key === 'upper';
    g.append(s('path', { d: d.replaceAll(' ', ''), stroke: color, fill: 'none', class: `line ${limit ? 'limit' : key}`,
      'stroke-dasharray': limit ? '2 3' : null }, s('title', null, limit ? `control limit (${key})` : key.replace('_', ' '))));
    if (key === 'value') {
      for (const p of pts) g.append(s('circle', { cx: x(Date.parse(p.time)).toFixed(1), cy: y(p.value).toFixed(1), r: 1.8, fill: color }));
    }
  }
  for (const p of pts.filter((q) => q.out_of_control)) {
    g.append(s('circle', { cx: x(Date.parse(p.time)).toFixed(1), cy: y(p.statistic).toFixed(1), r: 4.5, fill: 'none',
      stroke: OUT, 'stroke-width': 2, class: 'out-of-control' },
      s('title', null, `out of control at ${new Date(p.time).toLocaleString()}: ${p.statistic}`)));
  }
  g.append(s('line', { x1: left, x2: right, y1: bottom + 0.5, y2: bottom + 0.5, class: 'baseline' }));
  drawMarkers(g, markers, x, t0, t1, plotTop, bottom);
  return svg;
}

/** One status line: warm-up progress, or the current statistic against its limits. */
export function chartSummary(c) {
  const st = c.state;
  const n = (v) => (v == null ? '—' : Number(v.toPrecision(4)));
  if (!st.warmed_up) {
    return h('p.sub.chart-summary', { role: 'status' },
      `${c.clause}: warming up, ${st.observations} of ${c.params.warmup} windows observed.`);
  }
  const out = st.out_of_control ? 'OUT OF CONTROL' : 'in control';
  const detail = c.kind === 'ewma'
    ? `EWMA ${n(st.statistic)}, in-control mean ${n(st.mean)}, σ ${n(st.sigma)}`
    : `upper sum ${n(st.cusum_high)}, lower sum ${n(st.cusum_low)} against h = ${c.params.h}, in-control mean ${n(st.mean)}, σ ${n(st.sigma)}`;
  return h('p.sub.chart-summary', { role: 'status' }, `${c.clause}: ${out}; ${detail}; ${st.observations} windows observed.`);
}
