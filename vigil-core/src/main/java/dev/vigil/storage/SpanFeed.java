package dev.vigil.storage;

import dev.vigil.model.Span;
import java.util.List;

/** One page of {@link ScoringStore#spansAfter}: spans in storage order and the cursor after them. */
public record SpanFeed(List<Span> spans, String nextCursor) {
  public SpanFeed {
    spans = List.copyOf(spans);
  }
}
