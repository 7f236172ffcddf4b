package dev.vigil.server.review;

import dev.vigil.server.review.calibration.Kappa;
import java.util.List;

/**
 * How far one evaluator (a scorecard metric) agrees with people on the traces both judged.
 * {@code table[i][j]}: pairs the evaluator put in category i and the person in j. Statistics are
 * null when undefined (no pairs; kappa when chance agreement is already perfect; Spearman when one
 * side never varies or the labels have no order).
 */
public record MetricCalibration(
    String metric,
    String evaluator,
    String type,
    int n,
    Double agreement,
    Double kappa,
    Kappa.Weights kappaWeights,
    Double spearman,
    boolean flagged,
    List<String> categories,
    long[][] table,
    int unscaled) {}
