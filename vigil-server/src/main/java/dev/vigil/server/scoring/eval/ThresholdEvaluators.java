package dev.vigil.server.scoring.eval;

import java.util.Set;

/** {@code latency} and {@code budget}: numbers the span already carries, held against a bound. */
final class ThresholdEvaluators {
  private ThresholdEvaluators() {}

  static Evaluator latency(Options o) {
    o.allowOnly("a latency metric", Set.of("name", "type", "max_ms"));
    o.require("max_ms");
    Double max = o.number("max_ms", 0, 86_400_000);
    return new Evaluator() {
      @Override public String type() { return "latency"; }
      @Override public int version() { return 1; }
      @Override public boolean cheap() { return true; }
      @Override public Outcome evaluate(Subject s) {
        double limit = max == null ? Double.MAX_VALUE : max;
        boolean ok = s.latencyMs() <= limit;
        return Outcome.check(ok, Options.plain(Math.round(s.latencyMs())) + " ms" + (ok ? " within" : " over")
            + " the limit of " + Options.plain(limit) + " ms");
      }
    };
  }

  /** Cost in USD and/or tokens (input plus output) per subject; an unpriced call cannot be judged on cost. */
  static Evaluator budget(Options o) {
    o.allowOnly("a budget metric", Set.of("name", "type", "max_cost", "max_tokens"));
    Double maxCost = o.number("max_cost", 0, 1_000_000);
    Long maxTokens = o.whole("max_tokens", 0, Long.MAX_VALUE / 2);
    if (!o.has("max_cost") && !o.has("max_tokens")) o.problem(null, "a budget metric needs 'max_cost', 'max_tokens' or both");
    return new Evaluator() {
      @Override public String type() { return "budget"; }
      @Override public int version() { return 1; }
      @Override public boolean cheap() { return true; }
      @Override public Outcome evaluate(Subject s) {
        long tokens = (s.inputTokens() == null ? 0 : s.inputTokens()) + (s.outputTokens() == null ? 0 : s.outputTokens());
        boolean knownTokens = s.inputTokens() != null || s.outputTokens() != null;
        if (maxCost != null && s.cost() != null && s.cost() > maxCost) {
          return Outcome.fail("cost $" + usd(s.cost()) + " over the budget of $" + Options.plain(maxCost));
        }
        if (maxTokens != null && knownTokens && tokens > maxTokens) {
          return Outcome.fail(tokens + " tokens over the budget of " + maxTokens);
        }
        boolean judged = (maxCost != null && s.cost() != null) || (maxTokens != null && knownTokens);
        if (!judged) return Outcome.NOT_APPLICABLE; // unpriced model and no token count: nothing to hold against the bound
        return Outcome.pass("within budget" + (s.cost() != null ? " ($" + usd(s.cost()) + ", " : " (")
            + tokens + " tokens)");
      }
    };
  }

  /**
   * {@code String.format("%.6f", usd)} without the formatter, which cost more than the rest of the
   * evaluation on every call (same digits: both round the shortest decimal half up).
   */
  static String usd(double usd) {
    if (!(usd > 0) || !Double.isFinite(usd)) { // zero, negative (a sign to keep), NaN: rare, the formatter
      return String.format(java.util.Locale.ROOT, "%.6f", usd);
    }
    return java.math.BigDecimal.valueOf(usd).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
