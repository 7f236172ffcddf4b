package dev.vigil.storage;

/** How groups are ranked when a metric query asks for the top N. */
public enum MetricOrder { COUNT, COST, ERRORS, P95_LATENCY, TOKENS }
