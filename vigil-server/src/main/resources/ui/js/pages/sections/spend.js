// Cost: spend over time by model, where the money goes (model, feature, user) and what drives it
// (tokens against latency or cost, one dot per LLM call). Shared by the overview and the Cost page.
import { h } from '../../dom.js';
import { sqlObjects } from '../../api.js';
import { fill, panel, legend } from '../../components.js';
import { timeSeries, densify, bars, scatter, PALETTE } from '../../charts.js';
import { metrics, traceHref, tracesHref, zoomHref } from '../../data.js';
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
    panel('Spend over time', over, { sub: `per ${bucket.name}, by model`, wide: true }),
    panel('Cost by model', byModel, { sub: `top ${TOP}` }),
    panel('Cost by feature', byFeature, { sub: `top ${TOP}` }),
    panel('Cost by user', byUser, { sub: `top ${TOP}` }),
    panel('What drives cost and latency', drivers, { sub: 'latest 400 LLM calls', actions: yPick })));

  fill(over, () => metrics({ scope: 'llm_calls', bucket: bucket.name, group_by: 'model', order: 'cost', limit: 6 }, signal, filter),
    (rows) => {
      const d = densify(rows, win.from, win.to, bucket.ms, (r) => r.group.model ?? '(no model)');
      const s = d.groups.map((g, i) => ({ name: g, values: d.values(g, (r) => r.cost ?? 0, true), color: PALETTE[i % PALETTE.length] }));
      if (!s.length) return null;
      return [timeSeries(h('div'), { times: d.times, bucketMs: bucket.ms, kind: 'stacked', unit: 'usd', series: s,
        label: 'Spend over time by model', emptyText: 'No priced calls in this range.',
        onPick: ({ from, to }) => go(to - from > bucket.ms * 1.5 ? zoomHref(page, from, to) : tracesHref(from, to, { sort: 'costliest' })) }),
      legend(s)];
    }, 'No LLM calls in this range.');

  const ranking = (target, dim, label) => fill(target,
    () => metrics({ scope: 'llm_calls', group_by: dim, order: 'cost', limit: TOP }, signal, filter),
    (rows) => bars(h('div'), {
      unit: 'usd', label: `Cost by ${label}`, emptyText: 'No priced calls in this range.',
      items: rows.map((r) => {
        const name = r.group[dim];
        const unpricedOnly = r.cost == null || (r.cost === 0 && r.unpriced === r.count);
        return { label: name ?? `(no ${label})`, value: r.cost ?? 0, text: unpricedOnly ? 'unpriced' : null,
          note: `${r.count} calls${r.unpriced ? `, ${r.unpriced} unpriced` : ''}`,
          href: name ? link('traces', { [dim]: name, sort: 'costliest' }) : null };
      }),
    }), 'No LLM calls in this range.');
  ranking(byModel, 'model', 'model');
  ranking(byFeature, 'feature', 'feature');
  ranking(byUser, 'user', 'user');

  const calls = sqlObjects(`SELECT trace_id, span_id, model,
      coalesce(input_tokens, 0) + coalesce(output_tokens, 0) AS tokens, duration_ms, cost
    FROM spans WHERE ${spanWhere()} AND span_type = 'llm'
      AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL)
    ORDER BY start_ns DESC LIMIT 400`, signal);
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
