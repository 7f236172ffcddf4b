// Overview: in a few seconds, is the LLM feature healthy, what does it cost, what went wrong.
// Four sections (Health, Quality, Cost, Failures), each loading on its own so a slow or failing
// query leaves the rest of the page usable.
import { h } from '../dom.js';
import { timeWindow, apiFilter, previousFilter, bucketFor } from '../state.js';
import { metrics, changeMarkers } from '../data.js';
import { fill, kpi, whenVisible } from '../components.js';
import * as f from '../format.js';
import { healthSection } from './sections/health.js';
import { qualitySection } from './sections/quality.js';
import { spendSection } from './sections/spend.js';
import { failuresSection } from './sections/failures.js';

export default { title: 'Overview', render };

async function render(view, ctx) {
  const { signal } = ctx;
  const win = timeWindow(ctx.params);
  const filter = apiFilter(ctx.params);
  const bucket = bucketFor(win);
  const feature = ctx.params.get('feature');
  const kpis = h('div.kpis', { 'aria-label': 'Key figures' });
  const health = h('div');
  // sections below the fold start out tall enough not to all count as visible at once
  const quality = h('div.lazy');
  const cost = h('div.lazy');
  const failures = h('div.lazy');
  view.append(
    h('div.page-head', null, h('h1', null, 'Overview'),
      h('span.sub', null, `${feature ? `${feature} · ` : 'all features · '}${win.label}`)),
    kpis,
    sectionTitle('Health', 'requests, errors and latency; ▼ marks a deployment or prompt/model change'), health,
    sectionTitle('Quality', 'scores, refusals and user feedback'), quality,
    sectionTitle('Cost', 'spend, where it goes, and what drives it'), cost,
    sectionTitle('Failures', 'the traces to look at first'), failures);

  // one bucketed series per scope feeds both the KPI tiles and the charts
  const series = {
    traces: metrics({ scope: 'traces', bucket: bucket.name, limit: 1000 }, signal, filter),
    llm: metrics({ scope: 'llm_calls', bucket: bucket.name, limit: 1000 }, signal, filter),
    markers: changeMarkers(signal, filter),
  };
  series.kpi = loadKpis(signal, filter);
  Object.values(series).forEach((p) => p.catch(() => {})); // errors are shown by each section
  fill(kpis, () => series.kpi, renderKpis);
  healthSection(health, { series, win, bucket, filter, signal });
  whenVisible(quality, () => qualitySection(quality, { series, win, bucket, filter, signal }));
  whenVisible(cost, () => spendSection(cost, { win, bucket, filter, signal, page: 'overview' }));
  whenVisible(failures, () => failuresSection(failures, { filter, signal }));
}

function sectionTitle(title, sub) {
  return h('div.section-title', null, h('h2', null, title), h('span.sub', null, sub));
}

async function loadKpis(signal, filter) {
  const prev = previousFilter();
  const [tr, trPrev, llm, llmPrev] = await Promise.all([
    metrics({ scope: 'traces' }, signal, filter),
    metrics({ scope: 'traces' }, signal, prev),
    metrics({ scope: 'llm_calls' }, signal, filter),
    metrics({ scope: 'llm_calls' }, signal, prev),
  ]);
  return { tr: tr[0], trPrev: trPrev[0], llm: llm[0], llmPrev: llmPrev[0] };
}

/** "▲ 12%" against the previous window, coloured by whether up is good or bad. */
function delta(cur, prev, upIsBad, asPoints = false) {
  if (cur == null || prev == null) return null;
  if (asPoints) {
    const d = (cur - prev) * 100;
    if (Math.abs(d) < 0.05) return h('span.delta', null, 'no change vs previous');
    return h(`span.delta.${d > 0 ? 'up' : 'down'}-${(d > 0) === upIsBad ? 'bad' : 'good'}`, null,
      `${d > 0 ? '▲' : '▼'} ${Math.abs(d).toFixed(1)} pts vs previous`);
  }
  if (!prev) return cur ? h('span.delta', null, 'none in previous window') : null;
  const r = (cur - prev) / prev;
  if (Math.abs(r) < 0.005) return h('span.delta', null, 'no change vs previous');
  if (r >= 9) {
    return h(`span.delta.up-${upIsBad ? 'bad' : 'good'}`, null, `▲ ${f.compact(Math.round(cur / prev))}× previous`);
  }
  return h(`span.delta.${r > 0 ? 'up' : 'down'}-${(r > 0) === upIsBad ? 'bad' : 'good'}`, null,
    `${r > 0 ? '▲' : '▼'} ${f.pct(Math.abs(r))} vs previous`);
}

function renderKpis({ tr, trPrev, llm, llmPrev }) {
  if (!tr && !llm) return null;
  const errRate = tr ? tr.error_rate : 0;
  const unpriced = llm ? llm.unpriced : 0;
  const tokens = llm ? llm.input_tokens + llm.output_tokens : 0;
  return [
    kpi('Requests', f.int(tr ? tr.count : 0), { sub: delta(tr?.count, trPrev?.count ?? 0, false) }),
    kpi('Error rate', f.pct(errRate), { sub: delta(errRate, trPrev?.error_rate, true, true),
      tone: errRate >= 0.05 ? 'bad' : errRate >= 0.01 ? 'warn' : null, title: `${f.int(tr?.errors)} requests with an error` }),
    kpi('p95 latency', f.ms(tr?.latency_ms.p95), { sub: delta(tr?.latency_ms.p95, trPrev?.latency_ms.p95, true) }),
    kpi('LLM calls', f.int(llm ? llm.count : 0), { sub: llm ? `p95 ${f.ms(llm.latency_ms.p95)} · TTFT p95 ${f.ms(llm.ttft_ms.p95)}` : null }),
    kpi('Cost', f.usd(llm ? llm.cost : 0), { sub: unpriced ? `+ ${f.int(unpriced)} unpriced calls` : delta(llm?.cost, llmPrev?.cost, true),
      tone: unpriced ? 'warn' : null, title: unpriced ? 'Calls to models without a price are not counted: add a price in Settings' : null }),
    kpi('Tokens', f.compact(tokens), { sub: llm ? `${f.compact(llm.input_tokens)} in · ${f.compact(llm.output_tokens)} out` : null }),
  ];
}
