package dev.vigil.server.scoring.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.scoring.eval.Options;

/**
 * What a judge may answer: a whole number from {@code min} to {@code max} ({@code scale: [1, 5]}),
 * or pass/fail ({@code scale: pass_fail}, {@code min} and {@code max} null).
 */
record Scale(Integer min, Integer max) {
  static final Scale PASS_FAIL = new Scale(null, null);
  static final Scale DEFAULT = new Scale(1, 5);

  static Scale from(Options o) {
    if (!o.has("scale")) return DEFAULT;
    JsonNode v = o.node("scale");
    if (v.isTextual() && v.asText().equals("pass_fail")) return PASS_FAIL;
    if (v.isArray() && v.size() == 2 && v.get(0).canConvertToInt() && v.get(1).canConvertToInt()
        && v.get(0).isIntegralNumber() && v.get(1).isIntegralNumber() && v.get(0).asInt() < v.get(1).asInt()
        && v.get(1).asInt() - v.get(0).asInt() <= 100) { // people label on the same scale: keep it humane
      return new Scale(v.get(0).asInt(), v.get(1).asInt());
    }
    o.problem("scale", "'scale' must be two whole numbers [lowest, highest] at most 100 apart (e.g. [1, 5]) or pass_fail");
    return DEFAULT;
  }

  boolean passFail() {
    return min == null;
  }

  /** How the prompt describes a valid score. */
  String describe() {
    return passFail() ? "the string \"pass\" or the string \"fail\"" : "a whole number from " + min + " to " + max;
  }

  String show() {
    return passFail() ? "pass/fail" : min + "-" + max;
  }

  /** @return the score as a number (pass 1, fail 0) */
  double read(JsonNode score) throws JudgeException {
    if (passFail()) {
      if (score.isTextual() && (score.asText().equals("pass") || score.asText().equals("fail"))) {
        return score.asText().equals("pass") ? 1 : 0;
      }
      throw new JudgeException("\"score\" must be \"pass\" or \"fail\", got " + score);
    }
    if (!score.isNumber()) throw new JudgeException("\"score\" must be a number on the scale " + show() + ", got " + score);
    double d = score.asDouble();
    if (d != Math.rint(d)) throw new JudgeException("\"score\" must be a whole number on the scale " + show() + ", got " + score);
    if (d < min || d > max) throw new JudgeException("\"score\" " + score + " is outside the scale " + show());
    return d;
  }
}
