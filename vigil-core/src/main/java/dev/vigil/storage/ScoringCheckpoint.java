package dev.vigil.storage;

/**
 * How far scoring has read a project's spans ({@code cursor}, opaque, from {@link SpanFeed}) and the
 * pipeline's own state at that point ({@code state}, opaque to storage: sampling counters), saved
 * together so a replay after a crash makes the same decisions.
 */
public record ScoringCheckpoint(String cursor, String state, long updatedEpochNanos) {}
