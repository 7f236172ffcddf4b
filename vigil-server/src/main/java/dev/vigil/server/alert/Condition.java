package dev.vigil.server.alert;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule's condition as people write it: {@code error_rate > 0.05 for 5m},
 * {@code answer_relevance.p50 < 7 and trend decreasing over 30m}, {@code ewma(latency_p95_ms) out of
 * control}. All clauses must hold; the for-part is how long they must hold before the alert fires.
 * The grammar is in {@link ConditionParser}.
 */
public record Condition(List<Clause> clauses, Duration forDuration) {

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

  public Condition {
    clauses = List.copyOf(clauses);
    if (clauses.isEmpty()) throw new IllegalArgumentException("a condition needs at least one clause");
    forDuration = forDuration == null ? Duration.ZERO : forDuration;
  }

  public static Condition parse(String text) {
    return ConditionParser.parse(text);
  }

  /** The metric of the first clause: what the alert reports as its value. */
  /** The first clause's threshold when it is a plain number (what a preview draws as a line), else null. */
  public Double fixedThreshold() {
    return clauses.get(0) instanceof Clause.Compare c && c.bound() instanceof Clause.Bound.Fixed f ? f.value() : null;
  }

  public MetricRef metric() {
    return clauses.get(0).metric();
  }

  /** True when a clause compares against the rule's budget. */
  boolean usesBudget() {
    return clauses.stream().anyMatch(c -> c instanceof Clause.Compare cmp && cmp.bound() instanceof Clause.Bound.Budget);
  }

  @Override
  public String toString() {
    return clauses.stream().map(Clause::toString).collect(Collectors.joining(" and "))
        + (forDuration.isZero() ? "" : " for " + Durations.format(forDuration));
  }
}
