// Formatting of numbers, money, durations and times. One place, so every page and chart axis says
// the same thing the same way. A null cost means "unknown" (an unpriced model), never zero.

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactFmt = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const DASH = '—';

export function int(n) {
  return n == null || Number.isNaN(n) ? DASH : intFmt.format(n);
}

/** 1.2k, 3.4M: for axes and dense tables. */
export function compact(n) {
  if (n == null || Number.isNaN(n)) return DASH;
  return Math.abs(n) < 1000 ? trimNum(n) : compactFmt.format(n);
}

function trimNum(n) {
  if (Number.isInteger(n)) return String(n);
  const a = Math.abs(n);
  return String(Number(n.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3)));
}

export function usd(v) {
  if (v == null || Number.isNaN(v)) return DASH;
  const a = Math.abs(v);
  if (a === 0) return '$0';
  if (a < 0.0001) return '<$0.0001';
  if (a < 0.01) return `$${v.toFixed(4)}`;
  if (a < 1) return `$${v.toFixed(3)}`;
  if (a < 10000) return `$${v.toFixed(2)}`;
  return `$${compactFmt.format(v)}`;
}

/** Axis flavour of usd(): short, no trailing zeros. */
export function usdShort(v) {
  if (v == null) return DASH;
  const a = Math.abs(v);
  if (a === 0) return '$0';
  if (a < 1) return `$${Number(v.toPrecision(2))}`;
  if (a < 1000) return `$${trimNum(v)}`;
  return `$${compactFmt.format(v)}`;
}

export function ms(v) {
  if (v == null || Number.isNaN(v)) return DASH;
  const a = Math.abs(v);
  if (a === 0) return '0 ms';
  if (a < 1) return `${v.toFixed(2)} ms`;
  if (a < 1000) return `${Math.round(v)} ms`;
  if (a < 60_000) return `${(v / 1000).toFixed(a < 10_000 ? 2 : 1)} s`;
  if (a < 3_600_000) return `${(v / 60_000).toFixed(1)} min`;
  return `${(v / 3_600_000).toFixed(1)} h`;
}

export function msShort(v) {
  if (v == null) return DASH;
  const a = Math.abs(v);
  if (a < 1000) return `${trimNum(v)}ms`;
  if (a < 600_000) return `${trimNum(v / 1000)}s`;
  return `${trimNum(v / 60_000)}m`;
}

export function pct(v, digits = 1) {
  if (v == null || Number.isNaN(v)) return DASH;
  const p = v * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${p.toFixed(p >= 10 ? 0 : digits)}%`;
}

export function tokens(n) {
  return n == null ? DASH : `${compact(n)} tok`;
}

/** Formats a value by unit name; the unit names are shared with charts.js. */
export function byUnit(unit, v, short = false) {
  switch (unit) {
    case 'ms': return short ? msShort(v) : ms(v);
    case 'usd': return short ? usdShort(v) : usd(v);
    case 'pct': return pct(v);
    case 'tokens': return short ? compact(v) : `${int(v)} tok`;
    case 'score': return v == null ? DASH : trimNum(v);
    default: return short ? compact(v) : int(v);
  }
}

const pad = (n) => String(n).padStart(2, '0');

/** Local time: "14:03:21" today, "Nov 21 14:03" otherwise. */
export function time(iso) {
  if (!iso) return DASH;
  const d = iso instanceof Date ? iso : new Date(iso);
  const now = new Date();
  const hms = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  if (d.toDateString() === now.toDateString()) return hms;
  return `${d.toLocaleString('en-US', { month: 'short', day: 'numeric' })} ${hms.slice(0, 5)}`;
}

export function dateTime(iso) {
  if (!iso) return DASH;
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function ago(iso) {
  if (!iso) return DASH;
  const s = (Date.now() - new Date(iso).getTime()) / 1000;
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

/** Value for <input type=datetime-local> from epoch ms, in local time. */
export function toLocalInput(msEpoch) {
  const d = new Date(msEpoch);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function shortId(id, n = 8) {
  return id ? id.slice(0, n) : DASH;
}

export function plural(n, word, many = `${word}s`) {
  return `${int(n)} ${n === 1 ? word : many}`;
}
