package dev.vigil.server.review;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreSource;
import dev.vigil.server.review.calibration.Kappa;
import dev.vigil.server.review.calibration.Spearman;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judge calibration: for each metric of a scorecard, the evaluator's score and the person's label on
 * the same trace, compared. Agreement is the share of exact matches on the rubric's categories;
 * kappa is unweighted for pass/fail and labels and quadratic-weighted for numeric (ordinal) scales;
 * Spearman correlates the numbers (pass = 1, fail = 0). An evaluator whose agreement is below the
 * threshold is flagged.
 *
 * <p>When a trace has several evaluator scores for a metric (one per LLM call) the worst counts (the
 * lowest value; for labels the latest), since a trace is only as good as its worst call; when a
 * person labelled it more than once (in two queues) the latest label counts.
 */
public final class Calibration {
  public static final double DEFAULT_THRESHOLD = 0.85;

  private Calibration() {}

  public static List<MetricCalibration> report(Rubric rubric, List<Score> scores, double threshold) {
    List<MetricCalibration> out = new ArrayList<>();
    for (RubricField f : rubric.fields()) out.add(metric(f, scores, threshold));
    return out;
  }

  static MetricCalibration metric(RubricField f, List<Score> scores, double threshold) {
    Map<String, Score> human = new HashMap<>();
    Map<String, Score> machine = new HashMap<>();
    for (Score s : scores) {
      if (!s.name().equals(f.metric()) || s.traceId() == null) continue;
      if (s.source() == ScoreSource.ANNOTATION) human.merge(s.traceId(), s, (a, b) -> labelledAt(b).isAfter(labelledAt(a)) ? b : a);
      else if (s.source() == ScoreSource.EVAL) machine.merge(s.traceId(), s, (a, b) -> worse(f, a, b));
    }
    List<String> traces = human.keySet().stream().filter(machine::containsKey).sorted(Comparator.naturalOrder()).toList();
    int k = f.categories().size();
    long[][] table = new long[k][k];
    double[][] weighted = new double[k][k];
    List<double[]> numbers = new ArrayList<>();
    int n = 0;
    int matches = 0;
    int unscaled = 0;
    for (String t : traces) {
      int e = f.category(machine.get(t));
      int h = f.category(human.get(t));
      if (e < 0 || h < 0) {
        unscaled++; // the evaluator's score is off the rubric's scale (e.g. its scale changed)
        continue;
      }
      n++;
      table[e][h]++;
      weighted[e][h]++;
      if (e == h) matches++;
      Double x = f.number(machine.get(t));
      Double y = f.number(human.get(t));
      if (x != null && y != null && Double.isFinite(x) && Double.isFinite(y)) numbers.add(new double[] {x, y});
    }
    Kappa.Weights weights = f.ordinal() ? Kappa.Weights.QUADRATIC : Kappa.Weights.UNWEIGHTED;
    Double agreement = n == 0 ? null : (double) matches / n;
    Double kappa = n == 0 ? null : finite(Kappa.of(weighted, weights));
    Double rho = null;
    if (numbers.size() >= 2) {
      double[] x = numbers.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = numbers.stream().mapToDouble(p -> p[1]).toArray();
      rho = finite(Spearman.rho(x, y));
    }
    return new MetricCalibration(f.metric(), f.evaluator(), f.type().name().toLowerCase(java.util.Locale.ROOT), n, agreement,
        kappa, weights, rho, agreement != null && agreement < threshold, f.categories(), table, unscaled);
  }

  private static Score worse(RubricField f, Score a, Score b) {
    if (f.number(a) != null && f.number(b) != null) {
      int c = Double.compare(f.number(a), f.number(b));
      if (c != 0) return c < 0 ? a : b;
    }
    return Comparator.comparingLong(Score::epochNanos).thenComparing(Score::id).compare(a, b) >= 0 ? a : b;
  }

  private static Instant labelledAt(Score s) {
    String at = s.metadata().get("labelled_at");
    try {
      return at == null ? Instant.EPOCH : Instant.parse(at);
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
