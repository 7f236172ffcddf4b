// Score trends and distributions for the Quality section: one small chart per score name from
// GET /api/v1/scores/metrics (mean, p50 and p90 of numeric scores, pass rate of checks) with the
// change markers, and each score's distribution (a histogram, or counts per label).
import { h } from '../../dom.js';
import { api, sqlObjects } from '../../api.js';
import { fill, panel, empty, legend } from '../../components.js';
import { timeSeries, densify, histogram, bars, PALETTE } from '../../charts.js';

const MAX_NAMES = 6;

/** The score names in the window, most frequent first, with their data type. */
export function scoreNames(filter, signal) {
  return sqlObjects(`SELECT name, count(*) AS n, mode(data_type) AS data_type FROM scores
      WHERE time >= make_timestamp(${filter.from}000) AND time < make_timestamp(${filter.to}000)
      GROUP BY name ORDER BY n DESC, name LIMIT ${MAX_NAMES}`, signal);
}

export function scoreMetrics(name, filter, extra, signal) {
  return api('/api/v1/scores/metrics', { query: { ...filter, score: name, ...extra }, signal });
}

/** Fills `trendsEl` and `distEl` with one cell per score name. */
export function scorePanels(trendsEl, distEl, { series, win, bucket, filter, signal }) {
  const loaded = scoreNames(filter, signal).then((names) => Promise.all(names.map(async (n) => ({
    ...n, m: await scoreMetrics(n.name, filter, { bucket: bucket.name, bins: 12 }, signal) }))));
  loaded.catch(() => {}); // shown by each panel
  const none = () => empty('No scores yet — scoring arrives with scorecards.',
    h('p.faint', null, 'Scorecards (see the Scorecards page) and scores sent through the ingest API appear here as trends.'));
  fill(trendsEl, async () => ({ scores: await loaded, markers: await series.markers.catch(() => []) }), ({ scores, markers }) => {
    if (!scores.length) return none();
    return h('div.score-grid', null, scores.map((sc, i) => trendCell(sc, i, markers, win, bucket)));
  });
  fill(distEl, () => loaded, (scores) => {
    if (!scores.length) return null;
    return h('div.score-grid', null, scores.map((sc) => distributionCell(sc)));
  }, 'No scores in this range.');
}

function trendCell(sc, i, markers, win, bucket) {
  const d = densify(sc.m.rows.map((r) => ({ ...r })), win.from, win.to, bucket.ms);
  const numeric = sc.data_type === 'numeric';
  const s = numeric
    ? [{ name: `${sc.name} mean`, values: d.values('', (r) => r.mean), color: PALETTE[i % PALETTE.length] },
      { name: `${sc.name} p50`, values: d.values('', (r) => r.p50), color: PALETTE[(i + 2) % PALETTE.length] },
      { name: `${sc.name} p90`, values: d.values('', (r) => r.p90), color: PALETTE[(i + 4) % PALETTE.length] }]
    : [{ name: `${sc.name} pass rate`, values: d.values('', (r) => r.pass_rate), color: PALETTE[i % PALETTE.length] }];
  return h('div.score-cell', { dataset: { score: sc.name } }, h('h4', null, sc.name),
    timeSeries(h('div'), { times: d.times, bucketMs: bucket.ms, unit: numeric ? 'score' : 'pct', markers, series: s,
      label: `${sc.name} over time`, emptyText: sc.data_type === 'categorical' ? 'Categorical: see its distribution.' : 'No values in this range.' }),
    legend(s));
}

function distributionCell(sc) {
  const { histogram: bins, labels } = sc.m.distribution;
  const labelItems = Object.entries(labels).map(([label, value]) => ({ label, value }));
  return h('div.score-cell', { dataset: { score: sc.name } }, h('h4', null, sc.name),
    bins.length
      ? histogram(h('div'), { bins: bins.map((b) => ({ lo: b.from, hi: b.to, count: b.count })), unit: 'score',
        label: `Distribution of ${sc.name}` })
      : bars(h('div'), { items: labelItems, unit: 'count', label: `Labels of ${sc.name}` }));
}
