// The rule editor: the rule as YAML with the rules file's fields, a preview of how it would have
// behaved over the last days (the server replays its real evaluator), and save. /ui/alert-rule is a
// new rule; /ui/alert-rule/<name> edits an API rule. Both charts mark the change events of their range
// and the rule's slice.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { link, go } from '../router.js';
import { errorBox, loading, panel } from '../components.js';
import { ruleMarkers } from '../data.js';
import { rulePreview, previewLegend } from '../chart/rule-preview.js';
import { controlChart, chartSummary, timeRange } from '../chart/control-chart.js';

export default { title: 'Alert rule', filters: false, render };

const EXAMPLE = `condition: error_rate > 0.05 for 10m
window: 15m
where: {feature: support-chat}
severity: warning
min_samples: 20
channels: []
`;

async function render(view, ctx) {
  const editing = ctx.arg;
  const name = h('input', { name: 'name', required: true, pattern: '[A-Za-z0-9_.\\-]+', value: editing || '',
    disabled: Boolean(editing), 'aria-label': 'Rule name', placeholder: 'support-errors' });
  const text = h('textarea', { name: 'rule', rows: 10, 'aria-label': 'Rule (YAML)', spellcheck: false });
  const days = h('select', { name: 'days', 'aria-label': 'Preview range' },
    [1, 3, 7].map((d) => h('option', { value: d, selected: d === 3 }, `last ${d} day${d > 1 ? 's' : ''}`)));
  const message = h('div.rule-message');
  const chart = h('div.rule-preview-chart');
  const legend = h('div');
  let channels = [];
  let current = null;
  try {
    const rules = await api('/api/v1/alerts/rules', { signal: ctx.signal });
    channels = rules.channels;
    if (editing) {
      const r = rules.rules.find((x) => x.name === editing);
      if (!r) throw new Error(`No rule '${editing}' in this project.`);
      if (r.source === 'file') throw new Error(`'${editing}' is defined in the rules file and is read-only here.`);
      text.value = r.text;
      current = r;
    } else {
      text.value = EXAMPLE;
    }
  } catch (e) {
    if (e.name === 'AbortError') return;
    mount(view, errorBox(e));
    return;
  }

  const preview = async () => {
    mount(message);
    mount(chart, loading('Replaying the rule…'));
    mount(legend);
    const to = new Date();
    const from = new Date(to.getTime() - Number(days.value) * 86_400_000);
    try {
      const p = await api('/api/v1/alerts/preview', { method: 'POST',
        body: { rule: text.value, from: from.toISOString(), to: to.toISOString() } });
      const markers = await ruleMarkers(p.rule, Date.parse(p.from), Date.parse(p.to), null, ctx.signal);
      mount(chart);
      rulePreview(chart, p, markers);
      mount(legend, previewLegend(p));
    } catch (e) {
      mount(chart);
      mount(message, errorBox(e, null, 'Cannot preview'));
    }
  };
  const save = async () => {
    mount(message);
    if (!name.value || !name.checkValidity()) {
      mount(message, errorBox(new Error('the rule needs a name of letters, digits, . _ or -'), null, 'Cannot save'));
      return;
    }
    try {
      await api(`/api/v1/alerts/rules/${encodeURIComponent(name.value)}`, { method: 'PUT', body: text.value });
      go(link('alerts'));
    } catch (e) {
      mount(message, errorBox(e, null, 'Cannot save'));
    }
  };
  const remove = async () => {
    try {
      await api(`/api/v1/alerts/rules/${encodeURIComponent(editing)}`, { method: 'DELETE' });
      go(link('alerts'));
    } catch (e) {
      mount(message, errorBox(e, null, 'Cannot delete'));
    }
  };

  view.append(
    h('div.page-head', null, h('h1', null, editing ? `Rule ${editing}` : 'New alert rule'),
      h('div.actions', null, h('a.btn.ghost', { href: link('alerts') }, 'Back to alerts'))),
    panel('Rule', h('div.rule-form', null,
      h('label', null, 'Name ', name),
      h('label.block', null, 'Rule (YAML: condition, window, where, group_by, min_samples, severity, channels, runbook, renotify)', text),
      h('p.sub', null, `Channels from the rules file: ${channels.length ? channels.join(', ') : 'none configured'}.`),
      h('div.actions', null,
        h('button.btn', { type: 'button', onclick: preview }, 'Preview'), days,
        h('button.btn.primary', { type: 'button', onclick: save }, 'Save'),
        editing ? h('button.btn.danger', { type: 'button', onclick: remove }, 'Delete') : null),
      message), { wide: true }),
    panel('Preview', h('div', null, legend, chart), { wide: true, id: 'rule-preview',
      sub: 'the metric at each evaluation, the threshold, and when the rule would have been pending or firing' }));
  if (current && /\b(ewma|cusum)\(/.test(current.condition)) view.append(chartPanel(current, ctx.signal));
  if (editing) preview();
  else mount(chart, h('p.state.empty', null, 'Press Preview to replay the rule over past traffic.'));
}

/** The rule's control chart(s) as the evaluator keeps them, for one group (a group_by rule picks one). */
function chartPanel(rule, signal) {
  const body = h('div.control-charts');
  const group = h('input', { name: 'group', 'aria-label': 'Group', placeholder: `${rule.group_by} value` });
  const show = async () => {
    mount(body, loading('Loading the control chart…'));
    try {
      const r = await api(`/api/v1/alerts/rules/${encodeURIComponent(rule.name)}/chart`, { query: { group: group.value || undefined } });
      const ranges = r.charts.filter((c) => c.points.length).map(timeRange);
      const markers = ranges.length ? await ruleMarkers(r.rule, Math.min(...ranges.map(([a]) => a)),
        Math.max(...ranges.map(([, b]) => b)), r.group, signal) : [];
      mount(body, ...r.charts.flatMap((c) => [chartSummary(c), controlChart(h('div.control-chart-box'), c, markers)]));
    } catch (e) {
      mount(body, errorBox(e, show, 'Cannot load the control chart'));
    }
  };
  show();
  return panel('Control chart', h('div', null,
    rule.group_by ? h('div.actions', null, h('label', null, `${rule.group_by} `, group),
      h('button.btn', { type: 'button', onclick: show }, 'Show')) : null, body),
  { wide: true, id: 'rule-chart', sub: 'the metric per window, the chart statistic, its centre line and control limits; red rings: out of control' });
}
