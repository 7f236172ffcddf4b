// The global time range and feature filter, read from the URL. Relative ranges ("last 1h") are
// resolved against the clock at each fetch, so a refresh or live tail moves the window forward.
import { parse } from './router.js';
import { lit } from './api.js';

export const RANGES = [
  { key: '15m', label: '15m', ms: 15 * 60_000 },
  { key: '1h', label: '1h', ms: 3_600_000 },
  { key: '6h', label: '6h', ms: 6 * 3_600_000 },
  { key: '24h', label: '24h', ms: 24 * 3_600_000 },
  { key: '7d', label: '7d', ms: 7 * 24 * 3_600_000 },
];
export const DEFAULT_RANGE = '24h';

// bucket sizes the metrics API accepts, smallest first
const BUCKETS = [
  ['1m', 60_000], ['5m', 300_000], ['10m', 600_000], ['15m', 900_000], ['30m', 1_800_000],
  ['1h', 3_600_000], ['2h', 7_200_000], ['3h', 10_800_000], ['6h', 21_600_000], ['12h', 43_200_000],
  ['1d', 86_400_000],
];

function parseTime(v) {
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/**
 * The window of the current URL: {from, to} in epoch ms, whether it is relative, and a label.
 * Custom: from/to in the URL (ISO or epoch ms). Otherwise range=15m…7d (default 24h).
 */
export function timeWindow(params = parse().params) {
  const from = parseTime(params.get('from'));
  const to = parseTime(params.get('to'));
  if (from != null && (to == null || to > from)) {
    const end = to ?? Date.now();
    return { from, to: end, relative: false, key: 'custom', label: 'custom range' };
  }
  const r = RANGES.find((x) => x.key === params.get('range')) || RANGES.find((x) => x.key === DEFAULT_RANGE);
  const now = Date.now();
  return { from: now - r.ms, to: now, relative: true, key: r.key, label: `last ${r.label}` };
}

/** A bucket giving ~50–100 points over the window. */
export function bucketFor(win, target = 90) {
  const span = win.to - win.from;
  for (const [name, size] of BUCKETS) if (span / size <= target) return { name, ms: size };
  return { name: '1d', ms: 86_400_000 };
}

/** Filter parameters every API list/metrics call takes: the window and the feature. */
export function apiFilter(params = parse().params) {
  const win = timeWindow(params);
  const out = { from: Math.floor(win.from), to: Math.ceil(win.to) };
  const feature = params.get('feature');
  if (feature) out.feature = feature;
  return out;
}

/** The window shifted back by its own length: "compared with the previous period". */
export function previousFilter(params = parse().params) {
  const f = apiFilter(params);
  const len = f.to - f.from;
  return { ...f, from: f.from - len, to: f.from };
}

/** SQL WHERE clause over the spans view for the window and feature; start_ns prunes row groups. */
export function spanWhere(params = parse().params) {
  const f = apiFilter(params);
  const parts = [`start_ns >= ${f.from}000000`, `start_ns < ${f.to}000000`];
  if (f.feature) parts.push(`feature = ${lit(f.feature)}`);
  return parts.join(' AND ');
}
