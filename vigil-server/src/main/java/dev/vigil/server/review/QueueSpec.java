package dev.vigil.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.query.QueryParams;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new queue holds, as asked: {@code filter} (the trace search's query parameters, e.g.
 * {@code {"feature": "support-chat", "errors": true, "limit": 50}}) or {@code worst} (the lowest N
 * traces by one metric in a time range). Checked here, with messages that name the bad field.
 */
record QueueSpec(String name, String scorecard, TraceQuery filter, Worst worst, String origin) {
  static final int MAX_NAME = 200;
  static final int DEFAULT_WORST = 20;
  private static final Set<String> KEYS = Set.of("name", "scorecard", "filter", "worst");
  private static final Set<String> WORST_KEYS = Set.of("metric", "scorecard", "from", "to", "limit");

  /** The lowest {@code limit} traces by {@code metric} (of {@code scorecard} when given) in [from, to). */
  record Worst(String metric, String scorecard, long fromEpochNanos, long toEpochNanos, int limit) {}

  static QueueSpec parse(JsonNode body, Clock clock) {
    if (body == null || !body.isObject()) throw new IllegalArgumentException("the body must be a JSON object with 'name' and 'filter' or 'worst'");
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown field '" + k + "'; expected " + List.of("name", "scorecard", "filter", "worst"));
    }
    String name = text(body, "name");
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("'name' is required: 1 to " + MAX_NAME + " characters");
    }
    String scorecard = text(body, "scorecard");
    boolean hasFilter = body.hasNonNull("filter");
    boolean hasWorst = body.hasNonNull("worst");
    if (hasFilter == hasWorst) throw new IllegalArgumentException("give exactly one of 'filter' (a trace search) or 'worst' (the lowest N by a metric)");
    if (hasFilter) {
      JsonNode f = object(body, "filter");
      TraceQuery q;
      try {
        q = new QueryParams(params(f, "filter"), clock).traceQuery();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'filter': " + e.getMessage());
      }
      return new QueueSpec(name.strip(), scorecard, q, null, "{\"filter\":" + f + "}");
    }
    JsonNode w = object(body, "worst");
    for (Iterator<String> it = w.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!WORST_KEYS.contains(k)) throw new IllegalArgumentException("'worst': unknown field '" + k + "'; expected " + List.of("metric", "scorecard", "from", "to", "limit"));
    }
    String metric = text(w, "metric");
    if (metric == null || metric.isBlank()) throw new IllegalArgumentException("'worst.metric' is required: the score to rank traces by");
    Map<String, List<String>> range = new LinkedHashMap<>();
    for (String k : List.of("from", "to")) if (w.hasNonNull(k)) range.put(k, List.of(w.get(k).asText()));
    SpanFilter window;
    try {
      window = new QueryParams(range, clock).filter();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'worst': " + e.getMessage());
    }
    int limit = DEFAULT_WORST;
    if (w.has("limit")) {
      JsonNode l = w.get("limit");
      if (!l.canConvertToInt() || !l.isIntegralNumber() || l.intValue() < 1 || l.intValue() > TraceQuery.MAX_LIMIT) {
        throw new IllegalArgumentException("'worst.limit' must be a whole number from 1 to " + TraceQuery.MAX_LIMIT + ", got " + l);
      }
      limit = l.intValue();
    }
    String by = text(w, "scorecard");
    if (by == null) by = scorecard;
    return new QueueSpec(name.strip(), scorecard, null,
        new Worst(metric, by, window.fromEpochNanos(), window.toEpochNanos(), limit), "{\"worst\":" + w + "}");
  }

  private static JsonNode object(JsonNode body, String key) {
    JsonNode n = body.get(key);
    if (!n.isObject()) throw new IllegalArgumentException("'" + key + "' must be an object");
    return n;
  }

  private static String text(JsonNode node, String key) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) throw new IllegalArgumentException("'" + key + "' must be a string");
    return n.textValue();
  }

  /** The filter object as query parameters: scalars as text, arrays as repeated values. */
  private static Map<String, List<String>> params(JsonNode filter, String where) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      JsonNode v = e.getValue();
      for (JsonNode x : v.isArray() ? v : List.of(v)) {
        if (!x.isValueNode() || x.isNull()) throw new IllegalArgumentException("'" + where + "." + e.getKey() + "' must be a string, number, boolean or a list of them");
        values.add(x.asText());
      }
      out.put(e.getKey(), values);
    }
    return out;
  }
}
