package dev.vigil.server.query;

import dev.vigil.server.watch.Slices;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.SpanFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of the drift and variant-comparison endpoints (docs/api.md), on top of the usual slice
 * filters. Drift: the current window is {@code current} (default 1h) up to {@code to} (default now),
 * or {@code from}–{@code to}; the baseline is the {@code baseline} (default 7d) just before it, or
 * {@code baseline_from}–{@code baseline_to}, optionally pinned to {@code baseline_prompt_version}.
 */
public final class WatchParams {
  static final Duration MAX_WINDOW = Duration.ofDays(90);

  private final Map<String, List<String>> params;
  private final Clock clock;
  private final QueryParams values;

  public WatchParams(Map<String, List<String>> params, Clock clock) {
    this.params = params;
    this.clock = clock;
    this.values = new QueryParams(params, clock);
  }

  /** Baseline and current slices. */
  public record Windows(SpanFilter baseline, SpanFilter current) {}

  public Windows drift() {
    return drift(new String[0]);
  }

  /** Windows of topic drift and its {@code topics}: the most topics to find, 1 … {@code max}. */
  public record TopicWindows(Windows windows, int maxTopics) {}

  public TopicWindows topics(int fallback, int max) {
    Windows w = drift("topics");
    String v = one("topics");
    if (v == null) return new TopicWindows(w, fallback);
    int k;
    try {
      k = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      k = -1;
    }
    if (k < 1 || k > max) throw new IllegalArgumentException("'topics' must be a whole number from 1 to " + max + ", got '" + v + "'");
    return new TopicWindows(w, k);
  }

  private Windows drift(String... extra) {
    List<String> allowed = new ArrayList<>(List.of("current", "baseline", "baseline_from", "baseline_to",
        "baseline_prompt_version"));
    allowed.addAll(List.of(extra));
    SpanFilter slice = new QueryParams(params, clock).allow(allowed.toArray(String[]::new)).filter();
    if (params.containsKey("from") && params.containsKey("current")) {
      throw new IllegalArgumentException("give either 'from' or 'current' for the current window, not both");
    }
    long to = slice.toEpochNanos();
    long from = params.containsKey("from") ? slice.fromEpochNanos() : to - duration("current", Duration.ofHours(1)).toNanos();
    SpanFilter current = Slices.between(slice, from, to);
    boolean explicit = params.containsKey("baseline_from") || params.containsKey("baseline_to");
    if (explicit && params.containsKey("baseline")) {
      throw new IllegalArgumentException("give either 'baseline' or 'baseline_from'/'baseline_to', not both");
    }
    long bFrom;
    long bTo;
    if (explicit) {
      if (!params.containsKey("baseline_from") || !params.containsKey("baseline_to")) {
        throw new IllegalArgumentException("'baseline_from' and 'baseline_to' go together");
      }
      bFrom = time("baseline_from");
      bTo = time("baseline_to");
      if (bTo <= bFrom) throw new IllegalArgumentException("'baseline_from' must be before 'baseline_to'");
    } else {
      bTo = from;
      bFrom = from - duration("baseline", Duration.ofDays(7)).toNanos();
    }
    SpanFilter baseline = Slices.between(slice, bFrom, bTo);
    String pinned = one("baseline_prompt_version");
    if (pinned != null) {
      if (!slice.values(Dimension.PROMPT_VERSION).isEmpty()) {
        throw new IllegalArgumentException("'baseline_prompt_version' pins the baseline; do not also filter on 'prompt_version'");
      }
      baseline = Slices.with(baseline, Dimension.PROMPT_VERSION, pinned);
    }
    return new Windows(baseline, current);
  }

  /** A variant comparison's slice, dimension and the two values. */
  public record Variants(SpanFilter slice, Dimension dimension, String a, String b) {}

  public Variants variants() {
    SpanFilter slice = new QueryParams(params, clock).allow("dimension", "a", "b").filter();
    String dim = required("dimension");
    Dimension d = Dimension.fromWireName(dim.strip().toLowerCase(Locale.ROOT));
    if (!slice.values(d).isEmpty()) {
      throw new IllegalArgumentException("'" + d.wireName() + "' is the compared dimension; do not also filter on it");
    }
    return new Variants(slice, d, required("a"), required("b"));
  }

  private String required(String name) {
    String v = one(name);
    if (v == null) throw new IllegalArgumentException("'" + name + "' is required");
    return v.strip();
  }

  private String one(String name) {
    return values.one(name);
  }

  private Duration duration(String name, Duration fallback) {
    String v = one(name);
    if (v == null) return fallback;
    Duration d = QueryParams.minutesHoursDays(v);
    if (d == null) throw new IllegalArgumentException("'" + name + "' must look like 30m, 1h or 7d, got '" + v + "'");
    if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("'" + name + "' must be between 1m and 90d, got '" + v + "'");
    }
    return d;
  }

  private long time(String name) {
    if (one(name) == null) throw new IllegalArgumentException("'" + name + "' is required");
    return values.time(name, null);
  }
}
