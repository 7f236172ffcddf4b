package dev.vigil.storage;

/**
 * A trace search: a trace matches when any of its spans matches the filter, except for latency
 * (the trace's duration), cost and tokens (its totals). {@code cursor} is the opaque string a
 * previous page returned.
 */
public record TraceQuery(SpanFilter filter, TraceSort sort, String cursor, int limit) {
  public static final int MAX_LIMIT = 500;

  public TraceQuery {
    if (filter == null) throw new IllegalArgumentException("filter is required");
    sort = sort == null ? TraceSort.NEWEST : sort;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }
}
