package dev.vigil.server.watch;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.SpanFilter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Copies of a slice with another time range or one more dimension condition. */
public final class Slices {
  private Slices() {}

  public static SpanFilter between(SpanFilter f, long fromNanos, long toNanos) {
    return new SpanFilter(fromNanos, toNanos, f.equals(), f.tags(), f.errorsOnly(), f.minLatencyMs(), f.maxLatencyMs(),
        f.minCost(), f.maxCost(), f.minTokens(), f.maxTokens(), f.text());
  }

  public static SpanFilter with(SpanFilter f, Dimension d, String value) {
    Map<Dimension, List<String>> equals = new EnumMap<>(Dimension.class);
    equals.putAll(f.equals());
    equals.put(d, List.of(value));
    return new SpanFilter(f.fromEpochNanos(), f.toEpochNanos(), equals, f.tags(), f.errorsOnly(), f.minLatencyMs(),
        f.maxLatencyMs(), f.minCost(), f.maxCost(), f.minTokens(), f.maxTokens(), f.text());
  }
}
