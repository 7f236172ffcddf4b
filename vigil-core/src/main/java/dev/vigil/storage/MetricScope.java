package dev.vigil.storage;

/** What one counted unit is: an LLM call (spans with a model call), any span, or a trace (its root span). */
public enum MetricScope { LLM_CALLS, SPANS, TRACES }
