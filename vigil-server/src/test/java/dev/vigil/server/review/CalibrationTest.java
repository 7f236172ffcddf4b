package dev.vigil.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.server.review.calibration.Kappa;
import dev.vigil.server.scoring.eval.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  static final RubricField PASS = new RubricField("safe", "policy", Scale.PASS_FAIL);
  static final RubricField QUALITY = new RubricField("quality", "llm_judge", Scale.numeric(1, 3));
  static final RubricField REFUSAL = new RubricField("answered", "refusal", Scale.categorical(List.of("answered", "hedged", "refused")));
  static final Rubric RUBRIC = new Rubric("card", "v1", List.of(PASS, QUALITY, REFUSAL));

  /** The Wikipedia kappa example as 50 traces: evaluator and person both pass 20, eval pass / person fail 5, ... */
  @Test
  void passFailAgreementAndKappa() {
    List<Score> scores = new ArrayList<>();
    int t = 0;
    t = pairs(scores, t, 20, 1, 1);
    t = pairs(scores, t, 5, 1, 0);
    t = pairs(scores, t, 10, 0, 1);
    pairs(scores, t, 15, 0, 0);
    MetricCalibration c = Calibration.metric(PASS, scores, 0.85);
    assertThat(c.n()).isEqualTo(50);
    assertThat(c.agreement()).isCloseTo(0.7, within(1e-12));
    assertThat(c.kappa()).isCloseTo(0.4, within(1e-12));
    assertThat(c.kappaWeights()).isEqualTo(Kappa.Weights.UNWEIGHTED);
    assertThat(c.flagged()).isTrue();
    // categories fail, pass: table[eval][human]
    assertThat(c.table()).isEqualTo(new long[][] {{15, 10}, {5, 20}});
    // for pass/fail Spearman is the phi coefficient: (20·15 − 5·10) / sqrt(25·25·30·20) = 250/612.37…
    assertThat(c.spearman()).isCloseTo(250 / Math.sqrt(25.0 * 25 * 30 * 20), within(1e-12));
    assertThat(Calibration.metric(PASS, scores, 0.7).flagged()).isFalse();
  }

  @Test
  void ordinalScalesUseQuadraticWeightsAndRoundTheJudge() {
    // the weighted-kappa table of KappaTest: rows the evaluator, columns the person
    int[][] cells = {{3, 1, 0}, {0, 2, 1}, {0, 1, 2}};
    List<Score> scores = new ArrayList<>();
    int t = 0;
    for (int e = 0; e < 3; e++) {
      for (int h = 0; h < 3; h++) {
        for (int i = 0; i < cells[e][h]; i++) {
          String trace = "t" + t++;
          scores.add(eval(trace, "quality", e + 1 + 0.2, null)); // the judge's 1.2 is a 1
          scores.add(human(trace, "quality", h + 1.0, null, "2026-11-22T10:00:00Z"));
        }
      }
    }
    MetricCalibration c = Calibration.metric(QUALITY, scores, 0.85);
    assertThat(c.n()).isEqualTo(10);
    assertThat(c.agreement()).isCloseTo(0.7, within(1e-12));
    assertThat(c.kappaWeights()).isEqualTo(Kappa.Weights.QUADRATIC);
    assertThat(c.kappa()).isCloseTo(10.0 / 13, within(1e-12));
    assertThat(c.categories()).containsExactly("1", "2", "3");
  }

  @Test
  void theWorstCallOfATraceAndThePersonsLatestLabelCount() {
    List<Score> scores = List.of(
        eval("t1", "safe", 1.0, null), eval("t1", "safe", 0.0, null), // one call failed: the trace fails
        human("t1", "safe", 1.0, null, "2026-11-22T10:00:00Z"),
        human("t1", "safe", 0.0, null, "2026-11-22T11:00:00Z"), // relabelled later in another queue
        eval("t2", "safe", 1.0, null), // no person yet: not a pair
        human("t3", "safe", 1.0, null, "2026-11-22T10:00:00Z")); // no evaluator score: not a pair
    MetricCalibration c = Calibration.metric(PASS, scores, 0.85);
    assertThat(c.n()).isEqualTo(1);
    assertThat(c.agreement()).isEqualTo(1.0);
    assertThat(c.kappa()).isNull(); // one category only: undefined, not a number to trust
    assertThat(c.spearman()).isNull();
    assertThat(c.flagged()).isFalse();
  }

  @Test
  void labelsAreNominalAndOffScaleScoresAreCountedApart() {
    List<Score> scores = List.of(
        eval("a", "answered", null, "answered"), human("a", "answered", null, "answered", "2026-11-22T10:00:00Z"),
        eval("b", "answered", null, "refused"), human("b", "answered", null, "hedged", "2026-11-22T10:00:00Z"),
        eval("c", "answered", null, "blocked"), human("c", "answered", null, "refused", "2026-11-22T10:00:00Z"));
    MetricCalibration c = Calibration.metric(REFUSAL, scores, 0.85);
    assertThat(c.n()).isEqualTo(2);
    assertThat(c.unscaled()).isEqualTo(1);
    assertThat(c.agreement()).isEqualTo(0.5);
    assertThat(c.spearman()).isNull();
    assertThat(c.flagged()).isTrue();
  }

  @Test
  void aMetricNobodyLabelledHasNoStatisticsAndIsNotFlagged() {
    List<MetricCalibration> report = Calibration.report(RUBRIC, List.of(eval("x", "safe", 1.0, null)), 0.85);
    assertThat(report).extracting(MetricCalibration::metric).containsExactly("safe", "quality", "answered");
    assertThat(report.get(0).n()).isZero();
    assertThat(report.get(0).agreement()).isNull();
    assertThat(report.get(0).flagged()).isFalse();
  }

  private static int pairs(List<Score> out, int from, int count, double evalValue, double humanValue) {
    for (int i = 0; i < count; i++) {
      String trace = "t" + (from + i);
      out.add(eval(trace, "safe", evalValue, null));
      out.add(human(trace, "safe", humanValue, null, "2026-11-22T10:00:00Z"));
    }
    return from + count;
  }

  static Score eval(String trace, String metric, Double value, String label) {
    return new Score("e-" + trace + metric + value + label, trace, "0000000000000001", metric,
        label != null ? ScoreDataType.CATEGORICAL : ScoreDataType.NUMERIC, value, label, ScoreSource.EVAL, null, 1, Map.of("scorecard", "card"));
  }

  static Score human(String trace, String metric, Double value, String label, String at) {
    return new Score("h-" + trace + metric + at, trace, null, metric, label != null ? ScoreDataType.CATEGORICAL : ScoreDataType.NUMERIC,
        value, label, ScoreSource.ANNOTATION, null, 1, Map.of("scorecard", "card", "labelled_at", at));
  }
}
