package dev.vigil.server.ingest.api;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.Feedback;
import dev.vigil.model.Score;
import dev.vigil.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one request's decoded items. Rejects a second item with the same key (a span's trace and
 * span id, a trace's trace id, an item id), so a batch never says two things about one object; and
 * attaches parentless spans under their trace item's root span once the whole batch is read.
 */
final class BatchBuilder {
  private record PendingSpan(Span span, boolean traceItem) {}

  private final List<PendingSpan> spans = new ArrayList<>();
  private final List<Score> scores = new ArrayList<>();
  private final List<Feedback> feedback = new ArrayList<>();
  private final List<ChangeEvent> changes = new ArrayList<>();
  private final List<ItemResult> results = new ArrayList<>();
  private final Map<String, Integer> firstIndex = new HashMap<>();
  private final Map<String, String> rootSpanByTrace = new HashMap<>();

  void addSpan(Fields f, int index, Span span, boolean traceItem) {
    String spanKey = "span:" + span.traceId() + "/" + span.spanId();
    String traceKey = "trace:" + span.traceId();
    if (traceItem) requireNew(f, "trace_id", traceKey, "trace item for this trace_id");
    requireNew(f, "span_id", spanKey, "span (same trace_id and span_id)");
    firstIndex.put(spanKey, index);
    if (traceItem) {
      firstIndex.put(traceKey, index);
      rootSpanByTrace.put(span.traceId(), span.spanId());
    }
    spans.add(new PendingSpan(span, traceItem));
  }

  void addScore(Fields f, int index, Score score) {
    claimId(f, index, "score:" + score.id(), "score id");
    scores.add(score);
  }

  void addFeedback(Fields f, int index, Feedback item) {
    claimId(f, index, "feedback:" + item.id(), "feedback id");
    feedback.add(item);
  }

  void addChange(Fields f, int index, ChangeEvent change) {
    claimId(f, index, "change:" + change.id(), "change id");
    changes.add(change);
  }

  void addResult(ItemResult result) {
    results.add(result);
  }

  NativeBatch build() {
    List<Span> out = new ArrayList<>(spans.size());
    for (PendingSpan p : spans) out.add(p.traceItem() ? p.span() : attached(p.span()));
    return new NativeBatch(out, scores, feedback, changes, results);
  }

  private Span attached(Span span) {
    String root = span.isRoot() ? rootSpanByTrace.get(span.traceId()) : null;
    // root != spanId: a span item with the root's ids would have been rejected as a duplicate
    return root == null ? span : span.toBuilder().parentSpanId(root).build();
  }

  private void claimId(Fields f, int index, String key, String what) {
    requireNew(f, "id", key, what);
    firstIndex.put(key, index);
  }

  private void requireNew(Fields f, String field, String key, String what) {
    Integer first = firstIndex.get(key);
    if (first != null) throw f.error(field, "duplicate " + what + ", already given at items[" + first + "]");
  }
}
