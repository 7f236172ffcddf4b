package dev.vigil.storage;

/** An end user and their usage. */
public record UserSummary(
    String userId,
    long firstEpochNanos,
    long lastEpochNanos,
    int traceCount,
    int sessionCount,
    int llmCallCount,
    int errorCount,
    long inputTokens,
    long outputTokens,
    Double cost) {}
