package dev.vigil.server.query;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.FeedbackRateQuery;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.ScoreMetricQuery;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import dev.vigil.util.EpochNanos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns query-string parameters into storage queries, with a 400-worthy message for every mistake
 * (unknown parameter, bad number, bad time, bad enum). Time: ISO-8601 or epoch milliseconds; the
 * default window is the last 24 hours. List values may repeat or be comma-separated.
 */
public final class QueryParams {
  private static final Set<String> FILTER = Set.of("from", "to", "tag", "errors", "min_latency_ms",
      "max_latency_ms", "min_cost", "max_cost", "min_tokens", "max_tokens", "q");
  private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private final Map<String, List<String>> params;
  private final Clock clock;

  public QueryParams(Map<String, List<String>> params, Clock clock) {
    this.params = params;
    this.clock = clock;
  }

  /** Rejects parameters that are neither filters nor one of {@code extra}. */
  public QueryParams allow(String... extra) {
    Set<String> known = new LinkedHashSet<>(FILTER);
    for (Dimension d : Dimension.values()) known.add(d.wireName());
    known.addAll(List.of(extra));
    known.add("project"); // the web UI's project choice, read by the web layer
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown query parameter '" + name + "'; known: " + known);
      }
    }
    return this;
  }

  public SpanFilter filter() {
    long to = time("to", clock.instant());
    long from = time("from", Instant.ofEpochSecond(0, to).minus(DEFAULT_WINDOW));
    if (to <= from) throw new IllegalArgumentException("'from' must be before 'to'");
    Map<Dimension, List<String>> equals = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      List<String> values = list(d.wireName());
      if (!values.isEmpty()) equals.put(d, values);
    }
    return new SpanFilter(from, to, equals, list("tag"), bool("errors"), dbl("min_latency_ms"),
        dbl("max_latency_ms"), dbl("min_cost"), dbl("max_cost"), lng("min_tokens"), lng("max_tokens"),
        one("q"));
  }

  public TraceQuery traceQuery() {
    allow("sort", "limit", "cursor");
    return new TraceQuery(filter(), enumValue("sort", TraceSort.class, TraceSort.NEWEST), one("cursor"),
        limit(50, TraceQuery.MAX_LIMIT));
  }

  public MetricQuery metricQuery() {
    allow("bucket", "group_by", "scope", "order", "limit");
    List<Dimension> groups = new ArrayList<>();
    for (String g : list("group_by")) groups.add(Dimension.fromWireName(g));
    return new MetricQuery(filter(), enumValue("scope", MetricScope.class, MetricScope.LLM_CALLS),
        bucket(), groups, enumValue("order", MetricOrder.class, MetricOrder.COUNT), limit(20, 1000));
  }

  /** Feedback rates: the filter, an optional {@code bucket} and {@code positive_rating} (default 4). */
  public FeedbackRateQuery feedbackRateQuery() {
    allow("bucket", "positive_rating");
    String threshold = one("positive_rating");
    double positive = FeedbackRateQuery.DEFAULT_POSITIVE_RATING;
    if (threshold != null) {
      try {
        positive = Double.parseDouble(threshold);
        if (!Double.isFinite(positive)) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'positive_rating' must be a number, got '" + threshold + "'");
      }
    }
    return new FeedbackRateQuery(filter(), bucket(), positive);
  }

  /**
   * Score aggregates: {@code score} (the score name, required; {@code name} is the span-name dimension), {@code bucket}, one {@code group_by} dimension,
   * {@code threshold}, {@code limit} (groups), {@code bins} (histogram). Latency, cost, token, error
   * and text conditions do not apply to scores and are refused.
   */
  public ScoreMetricQuery scoreMetricQuery() {
    allow("score", "bucket", "group_by", "threshold", "limit", "bins");
    for (String spanOnly : List.of("errors", "min_latency_ms", "max_latency_ms", "min_cost", "max_cost", "min_tokens",
        "max_tokens", "q")) {
      if (params.containsKey(spanOnly)) {
        throw new IllegalArgumentException("'" + spanOnly + "' does not apply to scores; filter by time, dimensions and tags");
      }
    }
    String name = one("score");
    if (name == null) throw new IllegalArgumentException("'score' (the score name) is required");
    List<String> groups = list("group_by");
    if (groups.size() > 1) throw new IllegalArgumentException("'group_by' takes one dimension for scores");
    Dimension group = groups.isEmpty() ? null : Dimension.fromWireName(groups.get(0));
    String t = one("threshold");
    Double threshold;
    try {
      threshold = t == null ? null : Double.parseDouble(t);
      if (threshold != null && !Double.isFinite(threshold)) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'threshold' must be a number, got '" + t + "'");
    }
    Long bins = lng("bins");
    if (bins != null && (bins < 1 || bins > ScoreMetricQuery.MAX_BINS)) {
      throw new IllegalArgumentException("'bins' must be between 1 and " + ScoreMetricQuery.MAX_BINS);
    }
    return new ScoreMetricQuery(filter(), name, bucket(), group, threshold, limit(10, 100),
        bins == null ? 10 : bins.intValue());
  }

  public String cursor() {
    return one("cursor");
  }

  public int limit(int defaultLimit, int max) {
    Long v = lng("limit");
    if (v == null) return defaultLimit;
    if (v < 1 || v > max) throw new IllegalArgumentException("'limit' must be between 1 and " + max);
    return v.intValue();
  }

  private Duration bucket() {
    String v = one("bucket");
    if (v == null) return null;
    Duration d = minutesHoursDays(v);
    if (d == null) throw new IllegalArgumentException("'bucket' must look like 1m, 5m, 1h or 1d, got '" + v + "'");
    return d;
  }

  /** A count of minutes, hours or days as the query parameters write it ("5m", "1h", "7d"), or null when it is not one. */
  static Duration minutesHoursDays(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    try {
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      return switch (s.charAt(s.length() - 1)) {
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> null;
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  private <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
    String v = one(name);
    if (v == null) return fallback;
    try {
      return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E c : type.getEnumConstants()) allowed.add(c.name().toLowerCase(Locale.ROOT));
      throw new IllegalArgumentException("'" + name + "' must be one of " + allowed + ", got '" + v + "'");
    }
  }

  /** ISO-8601 or epoch milliseconds; {@code fallback} when absent. */
  long time(String name, Instant fallback) {
    String v = one(name);
    if (v == null) return EpochNanos.of(fallback);
    try {
      return EpochNanos.of(v.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(v)) : Instant.parse(v));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 time like 2026-11-22T10:00:00Z "
          + "or epoch milliseconds, got '" + v + "'");
    }
  }

  /** The parameter's one value, null when absent or blank; given twice is an error. */
  String one(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) return null;
    if (values.size() > 1) throw new IllegalArgumentException("'" + name + "' was given more than once");
    String v = values.get(0);
    return v == null || v.isBlank() ? null : v;
  }

  private List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String v : params.getOrDefault(name, List.of())) {
      for (String part : v.split(",")) if (!part.isBlank()) out.add(part.strip());
    }
    return out;
  }

  private Boolean bool(String name) {
    String v = one(name);
    if (v == null) return null;
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("'" + name + "' must be true or false, got '" + v + "'");
    };
  }

  private Double dbl(String name) {
    String v = one(name);
    if (v == null) return null;
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d) || d < 0) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be a non-negative number, got '" + v + "'");
    }
  }

  private Long lng(String name) {
    String v = one(name);
    if (v == null) return null;
    try {
      long l = Long.parseLong(v);
      if (l < 0) throw new NumberFormatException();
      return l;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be a non-negative whole number, got '" + v + "'");
    }
  }
}
