// The scores of one trace with their explanations: what judged it (scorecard and version), the result
// and why, and the span it is about (choosing it selects that span in the waterfall).
import { h } from '../dom.js';
import { badge, panel, table } from '../components.js';
import { link } from '../router.js';
import * as f from '../format.js';

function result(s) {
  if (s.data_type === 'boolean') {
    const passed = s.value === 1;
    return badge(s.label || (passed ? 'pass' : 'fail'), passed ? 'ok' : 'err');
  }
  if (s.data_type === 'categorical') return badge(s.label ?? f.DASH, 'info');
  return h('b', null, f.byUnit('score', s.value));
}

/** A panel listing the trace's scores, or null when it has none. */
export function traceScores(trace) {
  const scores = trace.scores || [];
  if (!scores.length) return null;
  const rows = [...scores].sort((a, b) => a.name.localeCompare(b.name) || (a.span_id || '').localeCompare(b.span_id || ''));
  return panel('Scores', table([
    { label: 'Score', value: (s) => s.name },
    { label: 'Result', value: result },
    { label: 'Why', value: (s) => s.comment || h('span.faint', null, 'no explanation'), cls: 'why' },
    { label: 'Source', value: (s) => s.source },
    { label: 'Scorecard', value: (s) => (s.metadata && s.metadata.scorecard
      ? `${s.metadata.scorecard} @ ${s.metadata.scorecard_version}` : f.DASH) },
    { label: 'Span', value: (s) => (s.span_id
      ? h('a', { href: link('trace', { span: s.span_id }, trace.trace_id) }, f.shortId(s.span_id)) : 'trace') },
  ], rows, { caption: 'Scores of this trace and why' }), { id: 'trace-scores', sub: `${f.plural(scores.length, 'score')}` });
}
