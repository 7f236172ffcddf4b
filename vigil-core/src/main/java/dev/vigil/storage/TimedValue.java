package dev.vigil.storage;

/** One observation at a moment: a score's value at its span's start, a feedback signal, … */
public record TimedValue(long epochNanos, double value) {}
