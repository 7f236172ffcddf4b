package dev.vigil.server.alert;

import dev.vigil.server.watch.chart.ChartParams;
import dev.vigil.storage.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** One part of a condition; a condition holds when all of its clauses hold. */
public sealed interface Clause {

  /** The metric this clause judges. */
  MetricRef metric();

  /** {@code metric op bound}, e.g. {@code latency_p95_ms > 1.5 * baseline 7d}. */
  record Compare(MetricRef metric, Condition.Comparison comparison, Bound bound) implements Clause {
    @Override
    public String toString() {
      return metric.text() + " " + comparison.symbol + " " + bound;
    }
  }

  /** {@code trend decreasing over 30m}: Mann-Kendall over per-minute values, significant at 5 %. */
  record Trend(MetricRef metric, boolean decreasing, Duration over, boolean metricImplied) implements Clause {
    @Override
    public String toString() {
      return "trend" + (metricImplied ? "" : "(" + metric.text() + ")") + (decreasing ? " decreasing" : " increasing")
          + " over " + Durations.format(over);
    }
  }

  /** {@code ewma(metric) out of control}, {@code cusum(metric, h=6) out of control}: one observation per window. */
  record Chart(MetricRef metric, ChartParams params) implements Clause {
    @Override
    public String toString() {
      ChartParams d = ChartParams.defaults(params.kind());
      StringBuilder s = new StringBuilder(params.kind() == ChartParams.Kind.EWMA ? "ewma(" : "cusum(").append(metric.text());
      if (params.kind() == ChartParams.Kind.EWMA) {
        if (params.lambda() != d.lambda()) s.append(", lambda=").append(params.lambda());
        if (params.l() != d.l()) s.append(", L=").append(params.l());
      } else {
        if (params.k() != d.k()) s.append(", k=").append(params.k());
        if (params.h() != d.h()) s.append(", h=").append(params.h());
      }
      if (params.warmup() != d.warmup()) s.append(", warmup=").append(params.warmup());
      return s.append(") out of control").toString();
    }
  }

  /** The right-hand side of a comparison. */
  sealed interface Bound {
    record Fixed(double value) implements Bound {
      @Override
      public String toString() {
        return Conditions.number(value);
      }
    }

    /**
     * The same metric over a trailing period ending where the window starts, or (sameHour) over the
     * same window one, two, … weeks back within the period, averaged; or over a fixed range (UTC,
     * to exclusive). A pin restricts the baseline (not the current side) to one prompt version,
     * model or release.
     */
    record Baseline(double factor, Duration period, boolean sameHour, Range range, Pin pin) implements Bound {
      Baseline(double factor, Duration period, boolean sameHour) {
        this(factor, period, sameHour, null, null);
      }

      @Override
      public String toString() {
        return (factor == 1 ? "" : Conditions.number(factor) + " * ") + "baseline" + (pin == null ? "" : " " + pin)
            + " " + (range == null ? Durations.format(period) : range) + (sameHour ? " same hour" : "");
      }

      /** Where the baseline comes from, for alert texts: "prompt_version v1 over 2026-11-01..2026-11-08". */
      String describe() {
        String over = range != null ? range.toString() : "the last " + Durations.format(period);
        return pin == null ? over : pin + " over " + over;
      }
    }

    /** A fixed baseline period [from, to). */
    record Range(Instant from, Instant to) {
      @Override
      public String toString() {
        return format(from) + ".." + format(to);
      }

      private static String format(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return d.toLocalTime().equals(LocalTime.MIDNIGHT) ? d.toLocalDate().toString() : d.toString();
      }
    }

    /** {@code prompt_version v1}: the baseline is taken from spans with this value only. */
    record Pin(Dimension dimension, String value) {
      static final java.util.Set<Dimension> ALLOWED = java.util.EnumSet.of(Dimension.PROMPT_VERSION, Dimension.MODEL, Dimension.RELEASE);

      @Override
      public String toString() {
        return dimension.wireName() + " " + (value.matches("[A-Za-z][A-Za-z0-9_-]*") ? value : "'" + value + "'");
      }
    }

    /** The rule's {@code budget:}. */
    record Budget(double factor) implements Bound {
      @Override
      public String toString() {
        return (factor == 1 ? "" : Conditions.number(factor) + " * ") + "budget";
      }
    }
  }
}
