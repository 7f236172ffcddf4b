package dev.vigil.storage;

import java.util.List;
import java.util.Map;

/**
 * Conditions on spans, shared by trace search and window metrics. Empty lists and null bounds mean
 * "no condition". Values within one list are alternatives (OR); different fields combine with AND.
 * {@code errorsOnly} true keeps only errors, false keeps only non-errors, null keeps both.
 * Ranges are inclusive; latency is in milliseconds, cost in USD.
 */
public record SpanFilter(
    long fromEpochNanos,
    long toEpochNanos,
    Map<Dimension, List<String>> equals,
    List<String> tags,
    Boolean errorsOnly,
    Double minLatencyMs,
    Double maxLatencyMs,
    Double minCost,
    Double maxCost,
    Long minTokens,
    Long maxTokens,
    String text) {

  public SpanFilter {
    if (toEpochNanos <= fromEpochNanos) {
      throw new IllegalArgumentException("time range is empty: 'to' must be after 'from'");
    }
    equals = equals == null ? Map.of() : Map.copyOf(equals);
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (text != null && text.isBlank()) text = null;
  }

  public static SpanFilter between(long fromEpochNanos, long toEpochNanos) {
    return new SpanFilter(fromEpochNanos, toEpochNanos, Map.of(), List.of(), null, null, null, null,
        null, null, null, null);
  }

  public List<String> values(Dimension d) {
    return equals.getOrDefault(d, List.of());
  }
}
