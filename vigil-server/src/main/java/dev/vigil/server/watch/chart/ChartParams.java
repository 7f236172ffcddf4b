package dev.vigil.server.watch.chart;

import java.util.Locale;

/**
 * A control chart's settings. EWMA: smoothing {@code lambda} (0 < λ ≤ 1) and limit width {@code l} in
 * standard deviations; CUSUM: reference value {@code k} and decision interval {@code h}, both in
 * standard deviations. {@code warmup} observations estimate the in-control mean and deviation before
 * the chart judges anything.
 *
 * <p>Defaults are chosen for one observation per window all day long (288 a day at 5m), where the
 * textbook λ=0.2, L=3 (an average in-control run of ~500 windows) would cry wolf about every other
 * day: λ=0.1, L=3.5 runs ~4,600 windows between false alarms with known parameters (CUSUM k=0.5,
 * h=8 longer still), and a warm-up of 100 windows keeps the estimated σ from shortening that much.
 */
public record ChartParams(Kind kind, double lambda, double l, double k, double h, int warmup) {
  public enum Kind { EWMA, CUSUM }

  public static ChartParams defaults(Kind kind) {
    return new ChartParams(kind, 0.1, 3.5, 0.5, 8, 100);
  }

  public ChartParams {
    if (!(lambda > 0 && lambda <= 1)) throw new IllegalArgumentException("lambda must be in (0, 1], got " + lambda);
    if (!(l > 0)) throw new IllegalArgumentException("L must be positive, got " + l);
    if (!(k >= 0)) throw new IllegalArgumentException("k must not be negative, got " + k);
    if (!(h > 0)) throw new IllegalArgumentException("h must be positive, got " + h);
    if (warmup < 5) throw new IllegalArgumentException("warmup must be at least 5 observations, got " + warmup);
  }

  /** The parameter named {@code name} set to {@code value}; names as conditions write them. */
  public ChartParams with(String name, double value) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lambda" -> new ChartParams(kind, value, l, k, h, warmup);
      case "l" -> new ChartParams(kind, lambda, value, k, h, warmup);
      case "k" -> new ChartParams(kind, lambda, l, value, h, warmup);
      case "h" -> new ChartParams(kind, lambda, l, k, value, warmup);
      case "warmup" -> {
        if (value != Math.rint(value)) throw new IllegalArgumentException("warmup must be a whole number, got " + value);
        yield new ChartParams(kind, lambda, l, k, h, (int) value);
      }
      default -> throw new IllegalArgumentException("unknown parameter '" + name + "'; "
          + (kind == Kind.EWMA ? "ewma takes lambda, L, warmup" : "cusum takes k, h, warmup"));
    };
  }
}
