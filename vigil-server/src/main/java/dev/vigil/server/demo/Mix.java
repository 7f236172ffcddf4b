package dev.vigil.server.demo;

/**
 * Shares of traces that fail, are refused, are cut at max_tokens, carry PII in the prompt, or name
 * a model no price list knows. Defaults look like a healthy production app with visible problems.
 */
record Mix(double error, double refusal, double truncation, double pii, double unknownModel) {
  static final Mix DEFAULT = new Mix(0.03, 0.02, 0.02, 0.06, 0.01);

  Mix {
    if (error < 0 || refusal < 0 || truncation < 0 || pii < 0 || unknownModel < 0
        || error + refusal + truncation > 1) {
      throw new IllegalArgumentException("shares must be >= 0 and error+refusal+truncation <= 1: " + this);
    }
  }

  Outcome draw(Dice dice, double errorBoost) {
    double u = dice.unit();
    double err = Math.min(1 - refusal - truncation, error + errorBoost);
    if (u < err) return Outcome.ERROR;
    if (u < err + refusal) return Outcome.REFUSAL;
    if (u < err + refusal + truncation) return Outcome.TRUNCATION;
    return Outcome.OK;
  }
}
