// Time series: lines or (stacked) columns over equal buckets, with a hover/keyboard crosshair that
// lists every series' value, change-event markers, and click-or-drag to pick a time range (pages use
// it to zoom or to open the traces of that moment).
import { s } from '../dom.js';
import { h } from '../dom.js';
import {
  PALETTE, linear, niceTicks, niceMax, timeTicks, timeLabel, textWidth, fmt, frame, showTip,
  tipRow, svgRoot, yAxis, emptyChart, drawMarkers,
} from './base.js';

const HEIGHT = 180;

/**
 * opts: {times: [bucket start ms], bucketMs, series: [{name, values, color?}], unit, kind: 'line' |
 * 'bars' | 'stacked', markers: [{t, label}], height, label, onPick({from, to}), emptyText}
 */
export function timeSeries(el, opts) {
  const { times, series } = opts;
  const hasData = series.some((se) => se.values.some((v) => v != null && v !== 0));
  if (!times.length || !hasData) return emptyChart(el, opts.emptyText || 'No data in this range.');
  return frame(el, (width, tip) => draw(width, tip, opts));
}

function draw(width, tip, opts) {
  const { times, bucketMs, unit = 'count', kind = 'line', markers = [], onPick } = opts;
  const series = opts.series.map((se, i) => ({ ...se, color: se.color || PALETTE[i % PALETTE.length] }));
  const height = opts.height || HEIGHT;
  const stacked = kind === 'stacked';
  const n = times.length;

  let max = 0;
  for (let i = 0; i < n; i++) {
    if (stacked) max = Math.max(max, series.reduce((a, se) => a + (se.values[i] || 0), 0));
    else for (const se of series) if (se.values[i] != null) max = Math.max(max, se.values[i]);
  }
  const top = niceMax(max);
  const ticks = niceTicks(0, top, 4);
  const left = Math.max(...ticks.map((t) => textWidth(fmt(unit, t, true)))) + 12;
  const right = width - 10;
  const plotTop = 10;
  const bottom = height - 22;
  const t0 = times[0];
  const t1 = times[n - 1] + bucketMs;
  const x = linear([t0, t1], [left, right]);
  const y = linear([0, top], [bottom, plotTop]);
  const bw = Math.max(1, (right - left) / n);

  const svg = svgRoot(width, height, opts.label || series.map((se) => se.name).join(', '));
  svg.setAttribute('tabindex', '0');
  const g = s('g');
  svg.append(g);
  yAxis(g, y, ticks, left, right, unit);

  const { ticks: xt, step } = timeTicks(t0, t1, Math.max(2, Math.floor((right - left) / 80)));
  for (const t of xt) {
    g.append(s('text', { x: x(t), y: height - 6, 'text-anchor': 'middle', class: 'axis' }, timeLabel(t, step)));
  }
  g.append(s('line', { x1: left, x2: right, y1: bottom + 0.5, y2: bottom + 0.5, class: 'baseline' }));

  if (kind === 'line') {
    for (const se of series) {
      let d = '';
      let pen = false;
      let lone = [];
      se.values.forEach((v, i) => {
        if (v == null) { pen = false; return; }
        const px = x(times[i] + bucketMs / 2).toFixed(1);
        const py = y(v).toFixed(1);
        const next = se.values[i + 1];
        if (!pen && (next == null || i === n - 1)) lone.push([px, py]); // a point with no neighbours
        d += `${pen ? 'L' : 'M'}${px},${py}`;
        pen = true;
      });
      if (series.length === 1) {
        g.append(s('path', { d: area(se.values, times, bucketMs, x, y, bottom), fill: se.color, class: 'area' }));
      }
      g.append(s('path', { d, stroke: se.color, class: 'line', fill: 'none' }));
      lone.forEach(([px, py]) => g.append(s('circle', { cx: px, cy: py, r: 2, fill: se.color })));
    }
  } else {
    const base = new Array(n).fill(0);
    const each = stacked ? bw : bw / series.length;
    series.forEach((se, si) => {
      se.values.forEach((v, i) => {
        if (!v) return;
        const x0 = x(times[i]) + (stacked ? 0 : si * each);
        const y0 = y(base[i] + v);
        const y1 = y(base[i]);
        g.append(s('rect', { x: (x0 + 0.5).toFixed(1), y: y0.toFixed(1), width: Math.max(1, each - 1).toFixed(1),
          height: Math.max(0.5, y1 - y0).toFixed(1), fill: se.color, class: 'bar' }));
        if (stacked) base[i] += v;
      });
    });
  }

  const visible = drawMarkers(g, markers, x, t0, t1, plotTop, bottom);

  interact(svg, g, tip, { width, left, right, plotTop, bottom, x, y, times, bucketMs, series, unit, stacked,
    markers: visible, onPick, step });
  return svg;
}

function area(values, times, bucketMs, x, y, bottom) {
  let d = '';
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      d += `M${run[0][0]},${bottom}` + run.map(([px, py]) => `L${px},${py}`).join('') + `L${run[run.length - 1][0]},${bottom}Z`;
    }
    run = [];
  };
  values.forEach((v, i) => {
    if (v == null) flush();
    else run.push([x(times[i] + bucketMs / 2).toFixed(1), y(v).toFixed(1)]);
  });
  flush();
  return d || 'M0,0';
}

/** Crosshair, tooltip, keyboard stepping, click and drag selection. */
function interact(svg, g, tip, c) {
  const n = c.times.length;
  const cross = s('line', { y1: c.plotTop, y2: c.bottom, class: 'crosshair', visibility: 'hidden' });
  const dots = c.stacked ? [] : c.series.map((se) => s('circle', { r: 3.5, fill: se.color, visibility: 'hidden',
    class: 'dot' }));
  const brush = s('rect', { y: c.plotTop, height: c.bottom - c.plotTop, class: 'brush', visibility: 'hidden' });
  const overlay = s('rect', { x: c.left, y: 0, width: c.right - c.left, height: c.bottom, class: 'overlay' });
  g.append(brush, cross, ...dots, overlay);
  let index = -1;
  let down = null;

  const indexAt = (px) => Math.min(n - 1, Math.max(0, Math.floor((c.x.invert(px) - c.times[0]) / c.bucketMs)));
  // a marker is listed with the bucket it is drawn over, so hovering its line always names it
  const markerAt = c.markers.map((m) => indexAt(Math.round(c.x(m.t)) + 0.5));
  const show = (i) => {
    index = i;
    const t = c.times[i];
    const px = c.x(t + c.bucketMs / 2);
    cross.setAttribute('x1', px);
    cross.setAttribute('x2', px);
    cross.setAttribute('visibility', 'visible');
    const lines = [h('div.tip-time', null, `${timeLabel(t, 0)} – ${timeLabel(t + c.bucketMs, 0)}`)];
    let total = 0;
    c.series.forEach((se, si) => {
      const v = se.values[i];
      total += v || 0;
      if (dots[si]) {
        dots[si].setAttribute('visibility', v == null ? 'hidden' : 'visible');
        if (v != null) { dots[si].setAttribute('cx', px); dots[si].setAttribute('cy', c.y(v)); }
      }
      lines.push(tipRow(se.color, se.name, fmt(c.unit, v)));
    });
    if (c.stacked && c.series.length > 1) lines.push(h('div.tip-total', null, `Total ${fmt(c.unit, total)}`));
    c.markers.forEach((m, mi) => {
      if (markerAt[mi] === i) lines.push(h('div.tip-marker', null, `▼ ${m.label}`));
    });
    if (c.onPick) lines.push(h('div.tip-hint', null, 'Click: traces of this moment · drag: zoom'));
    const maxV = Math.max(0, ...c.series.map((se) => se.values[i] || 0));
    showTip(tip, px, c.y(maxV), c.right + 10, lines);
  };
  const hide = () => {
    index = -1;
    cross.setAttribute('visibility', 'hidden');
    dots.forEach((d) => d.setAttribute('visibility', 'hidden'));
    tip.hidden = true;
  };
  const pick = (a, b) => c.onPick && c.onPick({ from: Math.round(a), to: Math.round(b) });

  overlay.addEventListener('pointermove', (e) => {
    const px = local(svg, e);
    if (down != null && Math.abs(px - down) > 4) {
      brush.setAttribute('x', Math.min(px, down));
      brush.setAttribute('width', Math.abs(px - down));
      brush.setAttribute('visibility', 'visible');
    }
    show(indexAt(px));
  });
  overlay.addEventListener('pointerleave', () => { if (down == null) hide(); });
  overlay.addEventListener('pointerdown', (e) => {
    if (!c.onPick || e.button !== 0) return;
    down = local(svg, e);
    overlay.setPointerCapture(e.pointerId);
  });
  overlay.addEventListener('pointerup', (e) => {
    if (down == null) return;
    const px = local(svg, e);
    const start = down;
    down = null;
    brush.setAttribute('visibility', 'hidden');
    if (Math.abs(px - start) > 4) {
      pick(c.x.invert(Math.max(c.left, Math.min(px, start))), c.x.invert(Math.min(c.right, Math.max(px, start))));
    } else {
      const t = c.times[indexAt(px)];
      pick(t, t + c.bucketMs);
    }
  });
  svg.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const step = e.key === 'ArrowRight' ? 1 : -1;
      show(index < 0 ? (step > 0 ? 0 : n - 1) : Math.min(n - 1, Math.max(0, index + step)));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      show(e.key === 'Home' ? 0 : n - 1);
    } else if (e.key === 'Enter' && index >= 0) {
      pick(c.times[index], c.times[index] + c.bucketMs);
    } else if (e.key === 'Escape') {
      hide();
    }
  });
  svg.addEventListener('blur', hide);
}

function local(svg, e) {
  const r = svg.getBoundingClientRect();
  return e.clientX - r.left;
}

/**
 * Turns metric rows into dense buckets: {times, pick(key) → values}. Buckets with no rows are
 * null (a gap), or 0 for counts, which the caller asks for.
 */
export function densify(rows, from, to, bucketMs, groupKey) {
  const times = bucketTimes(from, to, bucketMs);
  const index = new Map(times.map((t, i) => [t, i]));
  const groups = new Map();
  for (const r of rows) {
    const i = index.get(Date.parse(r.bucket_start));
    if (i == null) continue;
    const key = groupKey ? groupKey(r) : '';
    if (!groups.has(key)) groups.set(key, new Array(times.length).fill(null));
    groups.get(key)[i] = r;
  }
  const values = (key, f, zero = false) => (groups.get(key) || new Array(times.length).fill(null))
    .map((r) => (r == null ? (zero ? 0 : null) : f(r)));
  return { times, groups: [...groups.keys()], values };
}

/** Bucket starts covering [from, to), aligned to the epoch like the metrics API's buckets. */
export function bucketTimes(from, to, bucketMs) {
  const times = [];
  for (let t = Math.floor(from / bucketMs) * bucketMs; t < to; t += bucketMs) times.push(t);
  return times;
}
