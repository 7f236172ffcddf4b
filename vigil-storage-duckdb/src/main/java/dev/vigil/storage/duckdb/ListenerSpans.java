package dev.vigil.storage.duckdb;

import dev.vigil.model.Span;
import dev.vigil.storage.SpanListener;
import java.util.List;
import java.util.Map;

/**
 * What a block's listeners will be told once it is indexed, held until then: {@code perRow}, one span
 * per row of the block (null when no listener wants every span), and the spans each picking listener
 * chose ({@link SpanListener#pick}).
 */
record ListenerSpans(List<Span> perRow, Map<SpanListener, List<Span>> picked) {}
