package dev.vigil.server.scoring.eval;

/**
 * An evaluator that says which scale its scores use (a judge's 1–5, a classifier's labels). Human
 * review labels a metric on this scale; an evaluator that does not implement it is taken to give
 * pass/fail, as the rule checks do (refusal's labels are known without it).
 */
public interface Scaled {
  Scale scale();
}
