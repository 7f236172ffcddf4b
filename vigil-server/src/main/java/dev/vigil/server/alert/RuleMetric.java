package dev.vigil.server.alert;

import dev.vigil.storage.MetricRow;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** The window metrics a rule can watch, by the names rules use. */
public enum RuleMetric {
  ERROR_RATE(r -> r.errorRate()),
  REFUSAL_RATE(r -> r.refusalRate()),
  LATENCY_P50_MS(MetricRow::latencyP50Ms),
  LATENCY_P95_MS(MetricRow::latencyP95Ms),
  LATENCY_P99_MS(MetricRow::latencyP99Ms),
  TTFT_P95_MS(MetricRow::ttftP95Ms),
  COUNT(r -> (double) r.count()),
  COST(MetricRow::cost),
  INPUT_TOKENS(r -> (double) r.inputTokens()),
  OUTPUT_TOKENS(r -> (double) r.outputTokens());

  private final Function<MetricRow, Double> value;

  RuleMetric(Function<MetricRow, Double> value) {
    this.value = value;
  }

  /** The metric's value in a window, or null when the window has none (no latencies, no priced calls). */
  public Double of(MetricRow row) {
    return value.apply(row);
  }

  /** Sums over the window (they grow with its length), as opposed to rates and percentiles. */
  public boolean additive() {
    return this == COUNT || this == COST || this == INPUT_TOKENS || this == OUTPUT_TOKENS;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RuleMetric fromWireName(String name) {
    for (RuleMetric m : values()) if (m.wireName().equals(name)) return m;
    throw new IllegalArgumentException("unknown metric '" + name + "'; expected one of "
        + Arrays.stream(values()).map(RuleMetric::wireName).toList());
  }
}
