// Health: request volume (ok vs failed), error and refusal rates, p95 latencies, each with the
// window's change events as markers. Click a moment to open its traces; drag to zoom.
import { h } from '../../dom.js';
import { fill, panel } from '../../components.js';
import { timeSeries, densify, PALETTE } from '../../charts.js';
import { tracesHref, zoomHref } from '../../data.js';
import { go } from '../../router.js';
import { legend } from '../../components.js';
import { sqlObjects } from '../../api.js';
import { histogram } from '../../charts.js';
import { spanWhere, apiFilter } from '../../state.js';

const PER_DECADE = 6;

export function healthSection(el, { series, win, bucket, signal }) {
  const grid = h('div.grid');
  const volume = h('div');
  const errors = h('div');
  const latency = h('div');
  const spread = h('div');
  grid.append(
    panel('Requests', volume, { sub: `per ${bucket.name}` }),
    panel('Error rate', errors, { sub: 'share of requests and LLM calls' }),
    panel('Latency p95', latency, { sub: 'requests, LLM calls, time to first token' }),
    panel('Request latency distribution', spread, { sub: 'root spans; click a bar for its traces' }));
  el.append(grid);
  latencyHistogram(spread, series.kpi, signal);

  const load = async () => {
    const [tr, llm, markers] = await Promise.all([series.traces, series.llm, series.markers]);
    const t = densify(tr, win.from, win.to, bucket.ms);
    const l = densify(llm, win.from, win.to, bucket.ms);
    return { t, l, markers };
  };
  // a click opens the traces of that bucket; a drag zooms this page into the dragged range
  const onPick = (extra) => ({ from, to }) => {
    if (to - from > bucket.ms * 1.5) go(zoomHref('overview', from, to));
    else go(tracesHref(from, to, extra));
  };

  fill(volume, load, ({ t, markers }) => {
    const okSeries = t.values('', (r) => r.count - r.errors, true);
    const errSeries = t.values('', (r) => r.errors, true);
    const chart = timeSeries(h('div'), {
      times: t.times, bucketMs: bucket.ms, kind: 'stacked', unit: 'count', markers, onPick: onPick({}),
      series: [{ name: 'ok', values: okSeries, color: '#7d9be0' }, { name: 'with errors', values: errSeries, color: '#d9363e' }],
      label: 'Requests over time, ok and with errors', emptyText: 'No requests in this range.' });
    return [chart, legend([{ label: 'ok', color: '#7d9be0' }, { label: 'with errors', color: '#d9363e' }])];
  });

  fill(errors, load, ({ t, l, markers }) => {
    const s = [
      { name: 'requests', values: t.values('', (r) => r.error_rate), color: '#d9363e' },
      { name: 'LLM calls', values: l.values('', (r) => r.error_rate), color: PALETTE[1] },
      { name: 'refusals', values: l.values('', (r) => r.refusal_rate), color: PALETTE[4] },
    ];
    return [timeSeries(h('div'), { times: t.times, bucketMs: bucket.ms, unit: 'pct', markers, series: s,
      onPick: onPick({ errors: 'true' }), label: 'Error and refusal rates over time',
      emptyText: 'No errors in this range.' }), legend(s)];
  });

  fill(latency, load, ({ t, l, markers }) => {
    const s = [
      { name: 'requests p95', values: t.values('', (r) => r.latency_ms.p95), color: PALETTE[0] },
      { name: 'LLM calls p95', values: l.values('', (r) => r.latency_ms.p95), color: PALETTE[3] },
      { name: 'TTFT p95', values: l.values('', (r) => r.ttft_ms.p95), color: PALETTE[2] },
    ];
    return [timeSeries(h('div'), { times: t.times, bucketMs: bucket.ms, unit: 'ms', markers, series: s,
      onPick: onPick({ sort: 'slowest' }), label: 'p95 latency over time', emptyText: 'No requests in this range.' }),
    legend(s)];
  });
}

/**
 * Durations of requests (root spans) in logarithmic bins, PER_DECADE per factor of ten, counted in
 * DuckDB so only the bins travel; p50 and p95 (from the KPI metrics) marked. A bar opens the traces
 * of that duration.
 */
function latencyHistogram(el, kpi, signal) {
  const filter = apiFilter();
  fill(el, async () => {
    const [rows, k] = await Promise.all([sqlObjects(`SELECT floor(log10(greatest(duration_ms, 0.1)) * ${PER_DECADE})::INTEGER AS b,
        count(*) AS n FROM spans WHERE ${spanWhere()} AND is_root GROUP BY b ORDER BY b`, signal),
    kpi.catch(() => ({}))]);
    return { rows, p: k.tr ? k.tr.latency_ms : {} };
  }, ({ rows, p }) => {
    if (!rows.length) return null;
    const byBin = new Map(rows.map((r) => [r.b, r.n]));
    const bins = [];
    for (let b = rows[0].b; b <= rows[rows.length - 1].b; b++) {
      bins.push({ lo: 10 ** (b / PER_DECADE), hi: 10 ** ((b + 1) / PER_DECADE), count: byBin.get(b) || 0 });
    }
    return histogram(h('div'), {
      bins, unit: 'ms', label: 'Distribution of request durations',
      markers: [{ value: p.p50, label: 'p50' }, { value: p.p95, label: 'p95' }].filter((m) => m.value != null),
      onPick: (bin) => go(tracesHref(filter.from, filter.to, {
        min_latency_ms: Math.floor(bin.lo), max_latency_ms: Math.ceil(bin.hi), sort: 'slowest' })),
    });
  }, 'No requests in this range.');
}
