// Cost: spend over time by model, where the money goes (model, feature, user) and what drives it
// (tokens against latency or cost, one dot per LLM call), with the window's change markers. Shared by
// the overview and the Cost page.
import { h } from '../../dom.js';
import { sqlObjects } from '../../api.js';
import { fill, panel, legend } from '../../components.js';
import { timeSeries, bucketTimes, bars, scatter, PALETTE } from '../../charts.js';
import { costBy, spendByModel, changeMarkers, traceHref, tracesHref, zoomHref } from '../../data.js';
import { spanWhere } from '../../state.js';
import { link, go } from '../../router.js';

const TOP = 8;

export function spendSection(el, { win, bucket, filter, signal, page }) {
  const over = h('div');
  const byModel = h('div');
  const byFeature = h('div');
  const byUser = h('div');
  const drivers = h('div');
  const yPick = h('select', { id: `${page}-scatter-y`, 'aria-label': 'Scatter: vertical axis' },
    h('option', { value: 'latency' }, 'tokens vs latency'), h('option', { value: 'cost' }, 'tokens vs cost'));
  el.append(h('div.grid', null,
    panel('Spend over time', over, { sub: `per ${bucket.name}, by model; ▼ marks a change`, wide: true }),
    panel('Cost by model', byModel, { sub: `top ${TOP}` }),
    panel('Cost by feature', byFeature, { sub: `top ${TOP}` }),
    panel('Cost by user', byUser, { sub: `top ${TOP}` }),
    panel('What drives cost and latency', drivers, { sub: 'latest 400 LLM calls', actions: yPick })));

  fill(over, async () => {
    const [rows, markers] = await Promise.all([spendByModel(spanWhere(), bucket.ms, signal), changeMarkers(signal, filter)]);
    return { rows, markers };
  }, ({ rows, markers }) => {
    if (!rows.length) return null;
    const s = stackSeries(rows, win, bucket.ms);
    return [timeSeries(h('div'), { times: s.times, bucketMs: bucket.ms, kind: 'stacked', unit: 'usd', series: s.series, markers,
      label: 'Spend over time by model', emptyText: 'No priced calls in this range.',
      onPick: ({ from, to }) => go(to - from > bucket.ms * 1.5 ? zoomHref(page, from, to) : tracesHref(from, to, { sort: 'costliest' })) }),
    legend(s.series)];
  }, 'No LLM calls in this range.');

  const ranking = (target, dim, label) => fill(target, () => costBy(dim, spanWhere(), TOP, signal),
    (rows) => bars(h('div'), {
      unit: 'usd', label: `Cost by ${label}`, emptyText: 'No priced calls in this range.',
      items: rows.map((r) => ({
        label: r.k ?? `(no ${label})`, value: r.cost ?? 0, text: r.unpriced === r.calls ? 'unpriced' : null,
        note: `${r.calls} calls${r.unpriced ? `, ${r.unpriced} unpriced` : ''}`,
        href: r.k != null ? link('traces', { [dim]: r.k, sort: 'costliest' }) : null,
      })),
    }), 'No LLM calls in this range.');
  ranking(byModel, 'model', 'model');
  ranking(byFeature, 'feature', 'feature');
  ranking(byUser, 'user', 'user');

  const calls = latestCalls(filter, signal);
  calls.catch(() => {});
  const drawDrivers = () => fill(drivers, () => calls, (rows) => {
    const y = yPick.value;
    const points = rows.filter((r) => r.tokens > 0 && (y === 'latency' ? r.duration_ms > 0 : r.cost > 0));
    const groups = [...new Set(points.map((r) => r.model ?? '(no model)'))];
    const chart = scatter(h('div'), {
      points: points.map((r) => ({ x: r.tokens, y: y === 'latency' ? r.duration_ms : r.cost, group: r.model ?? '(no model)',
        label: r.model, href: traceHref(r.trace_id, r.span_id) })),
      groups, xUnit: 'tokens', yUnit: y === 'latency' ? 'ms' : 'usd', logX: true, logY: true,
      xLabel: 'tokens (in + out)', yLabel: y === 'latency' ? 'latency' : 'cost',
      label: `Tokens against ${y} per LLM call`, emptyText: 'No LLM calls with token counts in this range.' });
    return [chart, legend(groups.slice(0, PALETTE.length).map((g, i) => ({ label: g, color: PALETTE[i] })))];
  }, 'No LLM calls in this range.');
  yPick.addEventListener('change', drawDrivers);
  drawDrivers();
}

/** The six costliest models as stacked series, the rest summed as "other". */
function stackSeries(rows, win, bucketMs) {
  const times = bucketTimes(win.from, win.to, bucketMs);
  const start = times[0];
  const totals = new Map();
  for (const r of rows) totals.set(r.model, (totals.get(r.model) || 0) + (r.cost || 0));
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m);
  const top = ranked.slice(0, 6);
  const names = ranked.length > 6 ? [...top, 'other'] : top;
  const series = names.map((m, i) => ({ name: m ?? '(no model)', values: new Array(times.length).fill(0), color: PALETTE[i % PALETTE.length] }));
  for (const r of rows) {
    const i = Math.round((r.t - start) / bucketMs);
    if (i < 0 || i >= times.length) continue;
    const k = top.indexOf(r.model);
    series[k >= 0 ? k : series.length - 1].values[i] += r.cost || 0;
  }
  return { times, series };
}

/**
 * The latest 400 LLM calls with token counts. The window's last hour is scanned first (enough on any
 * busy install, and cheap); only when it holds too few calls is the whole window read.
 */
async function latestCalls(filter, signal) {
  const query = (from) => sqlObjects(`SELECT trace_id, span_id, model,
      coalesce(input_tokens, 0) + coalesce(output_tokens, 0) AS tokens, duration_ms, cost
    FROM spans WHERE ${spanWhere()} AND start_ns >= ${from}000000 AND span_type = 'llm'
      AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL)
    ORDER BY start_ns DESC LIMIT 400`, signal);
  const recent = Math.max(filter.from, filter.to - 3_600_000);
  const rows = await query(recent);
  return rows.length >= 200 || recent === filter.from ? rows : query(filter.from);
}
