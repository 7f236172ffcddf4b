package dev.vigil.server.scoring.eval;

import dev.vigil.server.ingest.cost.TokenEstimator;
import java.util.Set;

/**
 * {@code length}: passes when the output (or input) is within {@code min}..{@code max} characters or
 * tokens. Tokens are counted with the model family's tokenizer (the same estimator ingest uses when
 * a client reports no usage), so the bound means the same for every provider.
 */
final class LengthEvaluator implements Evaluator {
  static final Set<String> KEYS = Set.of("name", "type", "unit", "min", "max", "check");
  private static final TokenEstimator TOKENS = new TokenEstimator();

  private final boolean tokens;
  private final Long min;
  private final Long max;
  private final boolean input;

  private LengthEvaluator(boolean tokens, Long min, Long max, boolean input) {
    this.tokens = tokens;
    this.min = min;
    this.max = max;
    this.input = input;
  }

  static LengthEvaluator from(Options o) {
    o.allowOnly("a length metric", KEYS);
    boolean tokens = o.oneOf("unit", "chars", Set.of("chars", "tokens")).equals("tokens");
    Long min = o.whole("min", 0, Integer.MAX_VALUE);
    Long max = o.whole("max", 0, Integer.MAX_VALUE);
    if (!o.has("min") && !o.has("max")) o.problem(null, "a length metric needs 'min', 'max' or both");
    if (min != null && max != null && min > max) o.problem("min", "'min' (" + min + ") is above 'max' (" + max + ")");
    boolean input = o.oneOf("check", "output", Set.of("output", "input")).equals("input");
    return new LengthEvaluator(tokens, min, max, input);
  }

  @Override
  public String type() {
    return "length";
  }

  @Override
  public boolean cheap() {
    return true;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Outcome evaluate(Subject s) {
    String text = input ? s.input() : s.output();
    if (text.isEmpty() && (s.error() || min == null)) return Outcome.NOT_APPLICABLE;
    long n = tokens ? TOKENS.countTokens(s.model(), text) : text.codePointCount(0, text.length());
    String unit = tokens ? "tokens" : "characters";
    String side = input ? "input" : "output";
    if (min != null && n < min) return Outcome.fail(side + " has " + n + " " + unit + ", below the minimum of " + min);
    if (max != null && n > max) return Outcome.fail(side + " has " + n + " " + unit + ", above the maximum of " + max);
    return Outcome.pass(side + " has " + n + " " + unit + (max != null ? " (max " + max + ")" : " (min " + min + ")"));
  }
}
