package dev.vigil.storage;

/** A session (conversation, thread) and its totals. */
public record SessionSummary(
    String sessionId,
    String userId,
    long firstEpochNanos,
    long lastEpochNanos,
    int traceCount,
    int errorCount,
    long inputTokens,
    long outputTokens,
    Double cost) {}
