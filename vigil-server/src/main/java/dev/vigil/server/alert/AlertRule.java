package dev.vigil.server.alert;

import dev.vigil.storage.Dimension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule over window metrics: the condition, the window it is computed over, which calls it looks at
 * ({@code where}), an optional group-by (one alert per group), the fewest calls a window needs before
 * the rule judges it, where to notify, how often to remind while it keeps firing (null: never), and
 * the budget a {@code ... > 1.2 * budget} condition compares with (null: none).
 */
public record AlertRule(
    String name,
    Severity severity,
    Condition condition,
    Duration window,
    Map<Dimension, List<String>> where,
    Dimension groupBy,
    int minSamples,
    List<String> channels,
    String runbookUrl,
    Duration renotify,
    Double budget) {

  public AlertRule(String name, Severity severity, Condition condition, Duration window, Map<Dimension, List<String>> where,
      Dimension groupBy, int minSamples, List<String> channels, String runbookUrl, Duration renotify) {
    this(name, severity, condition, window, where, groupBy, minSamples, channels, runbookUrl, renotify, null);
  }

  public AlertRule {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(condition, "condition == null");
    Objects.requireNonNull(window, "window == null");
    if (window.compareTo(Duration.ofMinutes(1)) < 0) throw new IllegalArgumentException("rule '" + name + "': window must be at least 1m");
    where = where == null ? Map.of() : Map.copyOf(where);
    channels = channels == null ? List.of() : List.copyOf(channels);
    if (minSamples < 0) throw new IllegalArgumentException("rule '" + name + "': min_samples must not be negative");
    if (condition.usesBudget() && budget == null) {
      throw new IllegalArgumentException("rule '" + name + "': the condition compares with 'budget' but the rule sets no budget");
    }
    if (budget != null && !(budget > 0)) throw new IllegalArgumentException("rule '" + name + "': budget must be positive");
  }
}
