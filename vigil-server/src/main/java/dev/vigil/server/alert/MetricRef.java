package dev.vigil.server.alert;

import dev.vigil.storage.FeedbackCounts;
import dev.vigil.storage.SampleField;
import dev.vigil.storage.ScoreMetrics;
import java.time.Duration;
import java.util.Locale;

/**
 * What a condition measures: a window metric of the calls ({@code error_rate}), an aggregate of a
 * score joined to the slice's spans ({@code answer_relevance.p50}, {@code toxicity.share_below(0.2)}),
 * the share of thumbs-up feedback ({@code feedback.positive_rate}), the cost of the last 24 hours
 * ({@code daily_cost}) or the drift of a span field against the week before ({@code psi(input_tokens)}).
 */
public sealed interface MetricRef {

  /** The metric as conditions write it. */
  String text();

  record Window(RuleMetric metric) implements MetricRef {
    public String text() {
      return metric.wireName();
    }
  }

  record ScoreAggregate(String score, Aggregate aggregate, double argument) implements MetricRef {
    public String text() {
      return score + "." + aggregate.wireName() + (aggregate == Aggregate.SHARE_BELOW ? "(" + Conditions.number(argument) + ")" : "");
    }
  }

  record PositiveFeedback() implements MetricRef {
    public String text() {
      return "feedback.positive_rate";
    }
  }

  /**
   * How far a span field's distribution over the window has moved from the {@link #BASELINE} before
   * it: PSI, or the KS statistic D. Compared with a plain number, e.g. {@code psi(input_tokens) > 0.2}.
   */
  record Drift(String test, SampleField field) implements MetricRef {
    public static final Duration BASELINE = Duration.ofDays(7);
    public static final java.util.Set<String> TESTS = java.util.Set.of("psi", "ks");

    public String text() {
      return test + "(" + field.wireName() + ")";
    }
  }

  /**
   * A behavioural feedback rate over the slice's traces whose root starts in the window, from the
   * feedback metrics ({@code GET /api/v1/feedback/metrics}): the share of traces with explicit
   * feedback, or with a correction, a follow-up question, an abandonment, a copied answer.
   */
  record FeedbackRate(Rate rate) implements MetricRef {
    public String text() {
      return "feedback." + rate.wireName();
    }

    public enum Rate {
      COVERAGE(FeedbackCounts::coverage), CORRECTION_RATE(FeedbackCounts::correctionRate),
      FOLLOW_UP_RATE(FeedbackCounts::followUpRate), ABANDONMENT_RATE(FeedbackCounts::abandonmentRate),
      COPY_RATE(FeedbackCounts::copyRate);

      private final java.util.function.Function<FeedbackCounts, Double> of;

      Rate(java.util.function.Function<FeedbackCounts, Double> of) {
        this.of = of;
      }

      public Double of(FeedbackCounts counts) {
        return of.apply(counts);
      }

      public String wireName() {
        return name().toLowerCase(Locale.ROOT);
      }

      static Rate of(String name) {
        for (Rate r : values()) if (r.wireName().equals(name)) return r;
        return null;
      }
    }
  }

  record DailyCost() implements MetricRef {
    public String text() {
      return "daily_cost";
    }
  }

  /**
   * Aggregates of score values, read from the score metric store's rows: pass_rate is the share of
   * scores at or above 0.5 (true booleans, "pass" labels), share_below(x) the share of valued scores
   * below x.
   */
  enum Aggregate {
    MEAN, P50, P90, MIN, PASS_RATE, SHARE_BELOW;

    /** The threshold the store's query needs for this aggregate (null: none). */
    Double threshold(double argument) {
      return switch (this) {
        case PASS_RATE -> 0.5;
        case SHARE_BELOW -> argument;
        default -> null;
      };
    }

    /** This aggregate of a row (null: the row has no value for it). */
    Double of(ScoreMetrics.Row r) {
      return switch (this) {
        case MEAN -> r.mean();
        case P50 -> r.p50();
        case P90 -> r.p90();
        case MIN -> r.min();
        case PASS_RATE -> r.passRate();
        case SHARE_BELOW -> r.belowShare();
      };
    }

    /** How many scores the aggregate rests on. */
    long samples(ScoreMetrics.Row r) {
      return this == PASS_RATE ? r.passable() : r.valued();
    }

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Aggregate of(String name) {
      for (Aggregate a : values()) if (a.wireName().equals(name)) return a;
      return null;
    }

    static String names() {
      return "mean, p50, p90, min, pass_rate, share_below(x)";
    }
  }
}
