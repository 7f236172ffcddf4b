// Quality: score trends and distributions per score name (the score metrics API, sections/scores.js),
// refusal rates and end-user feedback.
import { h } from '../../dom.js';
import { sqlObjects } from '../../api.js';
import { fill, panel, empty, legend } from '../../components.js';
import { timeSeries, densify, scatter, PALETTE } from '../../charts.js';
import { scorePanels } from './scores.js';
import { tracesHref, traceHref } from '../../data.js';
import { spanWhere } from '../../state.js';
import { go } from '../../router.js';
import * as f from '../../format.js';

export function qualitySection(el, { series, win, bucket, filter, signal }) {
  const grid = h('div.grid.three');
  const scores = h('div');
  const refusals = h('div');
  const feedback = h('div');
  const distributions = h('div');
  grid.append(
    panel('Scores', scores, { sub: `per ${bucket.name}; ▼ marks a change`, wide: true }),
    panel('Score distributions', distributions, { sub: 'over the whole range', wide: true }),
    panel('Refusals', refusals, { sub: 'share of LLM calls the model declined' }),
    panel('User feedback', feedback, { sub: filter.feature ? 'all features' : null }));
  el.append(grid);

  const from = `make_timestamp(${filter.from}000)`;
  const to = `make_timestamp(${filter.to}000)`;
  scorePanels(scores, distributions, { series, win, bucket, filter, signal });
  const scatterPanel = h('div');
  grid.append(panel('Tokens vs score', scatterPanel, { sub: 'latest 400 scored traces', wide: true }));
  tokensVsScore(scatterPanel, from, to, signal);

  fill(refusals, async () => {
    const [llm, markers] = await Promise.all([series.llm, series.markers]);
    return { l: densify(llm, win.from, win.to, bucket.ms), markers };
  }, ({ l, markers }) => {
    const s = [{ name: 'refusals', values: l.values('', (r) => r.refusal_rate), color: PALETTE[4] }];
    return [timeSeries(h('div'), { times: l.times, bucketMs: bucket.ms, unit: 'pct', markers, series: s,
      onPick: ({ from: a, to: b }) => go(tracesHref(a, b)),
      label: 'Refusal rate over time', emptyText: 'No refusals in this range.' }), legend(s)];
  });

  fill(feedback, () => sqlObjects(`SELECT kind, count(*) AS n, avg(value) AS v FROM feedback
      WHERE time >= ${from} AND time < ${to} GROUP BY kind ORDER BY n DESC LIMIT 20`, signal), (rows) => {
    if (!rows.length) return empty('No user feedback in this range.', h('p.faint', null, 'Thumbs and ratings sent with type "feedback" appear here.'));
    return h('ul.plain', null, rows.map((r) => h('li', null, h('b', null, f.int(r.n)), ` ${r.kind.replace('_', ' ')}`,
      r.v != null ? h('span.faint', null, ` · average ${f.byUnit('score', r.v)}`) : null)));
  });
}

/** Does spending more tokens buy better answers? One dot per scored trace. */
function tokensVsScore(el, from, to, signal) {
  fill(el, () => sqlObjects(`WITH s AS (SELECT trace_id, name, value FROM scores
        WHERE time >= ${from} AND time < ${to} AND value IS NOT NULL ORDER BY time DESC LIMIT 400),
      t AS (SELECT trace_id, sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)) AS tokens FROM spans
        WHERE ${spanWhere()} AND trace_id IN (SELECT trace_id FROM s) GROUP BY trace_id)
    SELECT s.trace_id, s.name, s.value, t.tokens FROM s JOIN t USING (trace_id) WHERE t.tokens > 0`, signal), (rows) => {
    if (!rows.length) return null;
    const groups = [...new Set(rows.map((r) => r.name))];
    return [scatter(h('div'), {
      points: rows.map((r) => ({ x: r.tokens, y: r.value, group: r.name, label: r.name, href: traceHref(r.trace_id) })),
      groups, xUnit: 'tokens', yUnit: 'score', logX: true, xLabel: 'tokens in the trace', yLabel: 'score',
      label: 'Tokens against score per scored trace' }),
    legend(groups.slice(0, PALETTE.length).map((g, i) => ({ label: g, color: PALETTE[i] })))];
  }, 'No scored traces with token counts in this range.');
}
