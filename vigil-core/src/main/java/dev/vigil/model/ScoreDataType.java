package dev.vigil.model;

/** NUMERIC carries {@code value}; CATEGORICAL carries {@code label}; BOOLEAN carries value 0 or 1. */
public enum ScoreDataType { NUMERIC, CATEGORICAL, BOOLEAN }
