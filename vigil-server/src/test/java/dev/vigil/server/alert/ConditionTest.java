package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.watch.chart.ChartParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

  @Test
  void everyFormRoundTrips() {
    for (String text : List.of(
        "error_rate > 0.05 for 5m",
        "answer_relevance.p50 < 7.0 and trend decreasing over 30m",
        "trend(feedback.positive_rate) decreasing over 1h",
        "toxicity.share_below(0.2) <= 0.9",
        "faithfulness.pass_rate < 0.8",
        "latency_p95_ms > 1.5 * baseline 7d",
        "count < 0.5 * baseline 28d same hour for 15m",
        "latency_p95_ms > 1.5 * baseline 2026-11-01..2026-11-08",
        "error_rate > 2.0 * baseline 2026-11-01T09:30..2026-11-01T17:00 for 5m",
        "answer_relevance.p50 < 0.9 * baseline prompt_version v1 7d",
        "count < 0.5 * baseline model 'gpt-4.1' 28d same hour",
        "cost > baseline release '2026.11.2' 2026-11-01..2026-11-08",
        "daily_cost > 1.2 * budget",
        "ewma(latency_p95_ms) out of control",
        "ewma(error_rate, lambda=0.2, L=3.0, warmup=30) out of control for 10m",
        "cusum(answer_relevance.mean, h=6.0) out of control",
        "psi(input_tokens) > 0.2 for 30m",
        "feedback.abandonment_rate > 0.2 for 15m",
        "trend(feedback.follow_up_rate) increasing over 1h",
        "ks(latency_ms) >= 0.3 and error_rate > 0.01")) {
      assertThat(Condition.parse(text).toString()).isEqualTo(text);
    }
  }

  @Test
  void partsAreParsedIntoClauses() {
    Condition c = Condition.parse("answer_relevance.p50 < 7 and trend decreasing over 30m and ewma(cost, warmup=20) out of control for 5m");
    assertThat(c.forDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.clauses()).hasSize(3);
    assertThat(c.clauses().get(0)).isEqualTo(new Clause.Compare(new MetricRef.ScoreAggregate("answer_relevance",
        MetricRef.Aggregate.P50, 0), Condition.Comparison.BELOW, new Clause.Bound.Fixed(7)));
    assertThat(c.clauses().get(1)).isInstanceOfSatisfying(Clause.Trend.class, t -> {
      assertThat(t.metric()).isEqualTo(c.clauses().get(0).metric()); // the trend of the metric it follows
      assertThat(t.decreasing()).isTrue();
      assertThat(t.over()).isEqualTo(Duration.ofMinutes(30));
    });
    assertThat(c.clauses().get(2)).isInstanceOfSatisfying(Clause.Chart.class, ch ->
        assertThat(ch.params()).isEqualTo(ChartParams.defaults(ChartParams.Kind.EWMA).with("warmup", 20)));
  }

  @Test
  void errorsSayWhichTokenIsWrong() {
    assertError("error_rat > 0.05", "column 1: unknown metric 'error_rat'");
    assertError("error_rate >> 0.05", "column 13: '>' is not a threshold");
    assertError("error_rate = 0.05", "column 12: '=' is not a comparison");
    assertError("error_rate > 0.05 for five", "column 23: 'five' is not a duration");
    assertError("error_rate > 0.05 fr 5m", "column 19: unexpected 'fr'; expected 'and', 'for' or the end");
    assertError("error_rate > 0.05 and", "ends too early; expected a metric");
    assertError("relevance.median < 7", "column 11: 'median' is not a score aggregate; expected one of mean, p50");
    assertError("trend decreasing over 30m", "column 1: 'trend' needs a metric");
    assertError("cost > 1 and trend sideways over 30m", "column 20: 'sideways' is not a direction");
    assertError("ewma(cost, lambda=2) out of control", "column 12: lambda must be in (0, 1]");
    assertError("ewma(cost) out of contrl", "expected 'control' but found 'contrl'");
    assertError("psx(input_tokens) > 0.2", "column 1: unknown function 'psx'");
    assertError("feedback.happiness > 0.2", "column 10: 'feedback.happiness' is unknown; expected feedback.positive_rate, coverage");
    assertError("psi(input_token) > 0.2", "column 5: unknown field 'input_token'");
    assertError("psi(input_tokens) > 1.2 * baseline", "column 21: compare 'psi(input_tokens)' with a number");
    assertError("ewma(psi(cost)) out of control", "column 1: 'psi(cost)' compares the window with the week before; it cannot be charted");
    assertError("psi(cost) > 0.2 and trend decreasing over 30m", "column 21: 'psi(cost)' compares the window with the week before; it cannot be trended");
    assertError("cost > 2 * baseline 3d same hour", "must be at least 7d");
    assertError("cost > 2 * baseline 2026-11-08..2026-11-01", "column 21: the baseline period 2026-11-08..2026-11-01 is empty");
    assertError("cost > 2 * baseline 2026-11-01..7d", "column 33: '7d' is not a date");
    assertError("cost > 2 * baseline 2026-11-01 2026-11-08", "column 32: expected '..' but found '2026-11-08'");
    assertError("cost > 2 * baseline 2026-13-01..2026-11-08", "column 21: '2026-13-01' is not a valid date");
    assertError("cost > 2 * baseline 2026-11-01..2026-11-29 same hour", "column 44: 'same hour' compares with earlier weeks before the window");
    assertError("cost > 2 * baseline prompt_version", "ends too early; expected the prompt_version the baseline is pinned to");
    assertError("cost > 2 * baseline model * 7d", "column 27: '*' is not a model; quote it");
    assertError("cost > 2 $", "column 10: unexpected character '$'");
    assertError("", "condition is empty");
  }

  @Test
  void fixedAndPinnedBaselines() {
    assertThat(((Clause.Compare) Condition.parse("cost > 2 * baseline 2026-11-01..2026-11-02T12:00Z").clauses().get(0)).bound())
        .isEqualTo(new Clause.Bound.Baseline(2, Duration.ofHours(36), false,
            new Clause.Bound.Range(java.time.Instant.parse("2026-11-01T00:00:00Z"), java.time.Instant.parse("2026-11-02T12:00:00Z")), null));
    assertThat(((Clause.Compare) Condition.parse("answer_relevance.p50 < 0.9 * baseline prompt_version v1").clauses().get(0)).bound())
        .isEqualTo(new Clause.Bound.Baseline(0.9, Duration.ofDays(7), false, null,
            new Clause.Bound.Pin(dev.vigil.storage.Dimension.PROMPT_VERSION, "v1")));
    // the plain forms are unchanged
    assertThat(Condition.parse("cost > 2 * baseline").toString()).isEqualTo("cost > 2.0 * baseline 7d");
  }

  @Test
  void driftIsAMetricOfItsOwn() {
    assertThat(Condition.parse("psi(input_tokens) > 0.2").metric())
        .isEqualTo(new MetricRef.Drift("psi", dev.vigil.storage.SampleField.INPUT_TOKENS));
    assertThat(Condition.parse("psi(input_tokens) > 0.2").fixedThreshold()).isEqualTo(0.2);
    assertThat(Condition.parse("cost > 2 * baseline").fixedThreshold()).isNull();
  }

  @Test
  void aBudgetConditionNeedsARuleBudget() {
    assertThatThrownBy(() -> new AlertRule("spend", Severity.INFO, Condition.parse("daily_cost > 1.2 * budget"), Duration.ofMinutes(5),
        Map.of(), null, 0, List.of(), null, null)).hasMessageContaining("sets no budget");
  }

  private static void assertError(String condition, String message) {
    assertThatThrownBy(() -> Condition.parse(condition)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
