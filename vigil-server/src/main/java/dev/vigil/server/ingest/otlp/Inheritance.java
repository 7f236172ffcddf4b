package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    Map<String, SpanMapper.Draft> byId = new HashMap<>(drafts.size() * 4 / 3 + 1);
    for (SpanMapper.Draft d : drafts) byId.put(d.traceId() + d.spanId(), d);
    IdentityHashMap<SpanMapper.Draft, Inherited> resolved = new IdentityHashMap<>(drafts.size());
    List<SpanMapper.Draft> chain = new ArrayList<>();
    List<Span> spans = new ArrayList<>(drafts.size());
    for (SpanMapper.Draft d : drafts) {
      Inherited context = resolve(d, byId, resolved, chain);
      d.builder()
          .userId(context.userId())
          .sessionId(context.sessionId())
          .feature(context.feature())
          .promptName(context.promptName())
          .promptVersion(context.promptVersion())
          .environment(context.environment());
      try {
        spans.add(d.builder().build());
      } catch (IllegalArgumentException e) { // checked before mapping; kept so one span never fails a batch
        rejections.add("span " + d.spanId() + ": " + e.getMessage());
      }
    }
    return spans;
  }

  private static Inherited resolve(SpanMapper.Draft start, Map<String, SpanMapper.Draft> byId,
      IdentityHashMap<SpanMapper.Draft, Inherited> resolved, List<SpanMapper.Draft> chain) {
    chain.clear();
    Inherited above = Inherited.NONE;
    SpanMapper.Draft d = start;
    while (d != null) { // climb until the root or an already resolved ancestor
      Inherited known = resolved.get(d);
      if (known != null) {
        above = known;
        break;
      }
      chain.add(d);
      resolved.put(d, Inherited.NONE); // placeholder: a cycle ends here instead of looping
      d = d.parentSpanId() == null ? null : byId.get(d.traceId() + d.parentSpanId());
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      SpanMapper.Draft c = chain.get(i);
      above = c.own().orElse(above);
      resolved.put(c, above);
    }
    return above;
  }
}
