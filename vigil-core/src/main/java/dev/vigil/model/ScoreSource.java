package dev.vigil.model;

/** Who produced a score: an evaluator, an API caller, a human reviewer, or end-user feedback. */
public enum ScoreSource { EVAL, API, ANNOTATION, FEEDBACK }
