// Small fixed-size SVG pictures for the drift and comparison pages: two distributions overlaid
// (baseline filled grey, current outlined) and interval bars of two variants on one scale.
import { s } from '../dom.js';
import { PALETTE } from './base.js';

/** Baseline shares as grey columns, current shares as an outlined step line; opts: {edges, baseline, current, label}. */
export function overlay({ edges, baseline, current }, label) {
  const w = 220;
  const hgt = 56;
  const n = baseline.length;
  const svg = s('svg', { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img', 'aria-label': label, class: 'overlay-chart' });
  if (!n) return svg;
  const top = Math.max(...baseline, ...current, 1e-9);
  const bw = w / n;
  const y = (v) => hgt - 2 - (v / top) * (hgt - 6);
  baseline.forEach((v, i) => svg.append(s('rect', { x: (i * bw + 0.5).toFixed(1), y: y(v).toFixed(1),
    width: Math.max(1, bw - 1).toFixed(1), height: (hgt - 2 - y(v)).toFixed(1), class: 'base-bar' })));
  let d = `M0 ${hgt - 2}`;
  current.forEach((v, i) => { d += ` L${(i * bw).toFixed(1)} ${y(v).toFixed(1)} L${((i + 1) * bw).toFixed(1)} ${y(v).toFixed(1)}`; });
  d += ` L${w} ${hgt - 2}`;
  svg.append(s('path', { d, fill: 'none', stroke: PALETTE[1], 'stroke-width': 1.5, class: 'current-line' }));
  svg.append(s('title', null, `${label}: grey = baseline, orange = current; ${fmtEdge(edges[0])} to ${fmtEdge(edges[edges.length - 1])}`));
  return svg;
}

function fmtEdge(v) {
  return Math.abs(v) >= 100 ? Math.round(v).toString() : Number(v.toPrecision(3)).toString();
}

/** Two intervals (a above b) on a shared scale, each with its point estimate; null bounds draw nothing. */
export function intervals(a, b, label) {
  const w = 170;
  const hgt = 34;
  const svg = s('svg', { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img', 'aria-label': label, class: 'ci-chart' });
  const vals = [a, b].flatMap((e) => [e.lower, e.upper, e.value]).filter((v) => v != null && Number.isFinite(v));
  if (!vals.length) return svg;
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (hi === lo) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.08;
  const x = (v) => 6 + ((v - lo + pad) / (hi - lo + 2 * pad)) * (w - 12);
  [[a, 9, PALETTE[0], 'a'], [b, 25, PALETTE[1], 'b']].forEach(([e, yy, color, name]) => {
    if (e.lower != null && e.upper != null) {
      svg.append(s('line', { x1: x(e.lower), x2: x(e.upper), y1: yy, y2: yy, stroke: color, 'stroke-width': 3, class: `ci-${name}` }));
    }
    if (e.value != null) svg.append(s('circle', { cx: x(e.value), cy: yy, r: 3.5, fill: color }));
  });
  return svg;
}
