package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each span the context its ancestors in the same request carry and it lacks. Iterative, with
 * memoisation and a guard against parent cycles, so a long chain costs one walk and cannot overflow
 * the stack.
 */
final class Inheritance {
  private Inheritance() {}

  static List<Span> resolve(List<SpanMapper.Draft> drafts, Rejections rejections) {
    // By span id alone, drafts sharing one chained newest first: the same lookup as by trace and
    // span id (the last one listed wins), without building a key per span and per lookup.
    Map<String, SpanMapper.Draft> bySpanId = new HashMap<>(drafts.size() * 4 / 3 + 1);
    for (SpanMapper.Draft d : drafts) d.sameSpanId = bySpanId.put(d.spanId, d);
    List<SpanMapper.Draft> chain = new ArrayList<>();
    List<Span> spans = new ArrayList<>(drafts.size());
    for (SpanMapper.Draft d : drafts) {
      Inherited context = resolve(d, bySpanId, chain);
      try {
        spans.add(d.build(context));
      } catch (IllegalArgumentException e) { // checked before mapping; kept so one span never fails a batch
        rejections.add("span " + d.spanId + ": " + e.getMessage());
      }
    }
    return spans;
  }

  private static Inherited resolve(SpanMapper.Draft start, Map<String, SpanMapper.Draft> bySpanId,
      List<SpanMapper.Draft> chain) {
    chain.clear();
    Inherited above = Inherited.NONE;
    SpanMapper.Draft d = start;
    while (d != null) { // climb until the root or an already resolved ancestor
      if (d.resolved != null) {
        above = d.resolved;
        break;
      }
      chain.add(d);
      d.resolved = Inherited.NONE; // placeholder: a cycle ends here instead of looping
      d = d.parentSpanId == null ? null : find(bySpanId, d.traceId, d.parentSpanId);
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      SpanMapper.Draft c = chain.get(i);
      above = c.own.orElse(above);
      c.resolved = above;
    }
    return above;
  }

  private static SpanMapper.Draft find(Map<String, SpanMapper.Draft> bySpanId, String traceId, String spanId) {
    for (SpanMapper.Draft d = bySpanId.get(spanId); d != null; d = d.sameSpanId) {
      if (d.traceId.equals(traceId)) return d;
    }
    return null;
  }
}
