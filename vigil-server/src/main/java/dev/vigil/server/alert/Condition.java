package dev.vigil.server.alert;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's condition as people write it: {@code error_rate > 0.05 for 5m}. The for-part is how long
 * the condition must hold before the alert fires (0: at once).
 */
public record Condition(RuleMetric metric, Comparison comparison, double threshold, Duration forDuration) {
  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*([a-z0-9_]+)\\s*(>=|<=|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*(?:for\\s+(\\S+))?\\s*");

  public enum Comparison {
    ABOVE(">"), AT_LEAST(">="), BELOW("<"), AT_MOST("<=");

    final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    boolean holds(double value, double threshold) {
      return switch (this) {
        case ABOVE -> value > threshold;
        case AT_LEAST -> value >= threshold;
        case BELOW -> value < threshold;
        case AT_MOST -> value <= threshold;
      };
    }

    static Comparison of(String symbol) {
      for (Comparison c : values()) if (c.symbol.equals(symbol)) return c;
      throw new IllegalArgumentException("unknown comparison " + symbol);
    }
  }

  public static Condition parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("condition '" + text + "' is not '<metric> <op> <number> [for <duration>]', "
          + "e.g. 'error_rate > 0.05 for 5m'");
    }
    Duration forDuration = m.group(4) == null ? Duration.ZERO : Durations.parse(m.group(4));
    return new Condition(RuleMetric.fromWireName(m.group(1)), Comparison.of(m.group(2)),
        Double.parseDouble(m.group(3)), forDuration);
  }

  public boolean holds(double value) {
    return comparison.holds(value, threshold);
  }

  @Override
  public String toString() {
    return metric.wireName() + " " + comparison.symbol + " " + threshold
        + (forDuration.isZero() ? "" : " for " + Durations.format(forDuration));
  }
}
