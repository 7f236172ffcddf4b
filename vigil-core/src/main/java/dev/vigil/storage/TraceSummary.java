package dev.vigil.storage;

import java.util.List;

/** One row of trace search: the root's identity and the trace's totals. */
public record TraceSummary(
    String traceId,
    String name,
    long startEpochNanos,
    long durationNanos,
    int spanCount,
    int llmCallCount,
    int errorCount,
    String serviceName,
    String feature,
    String userId,
    String sessionId,
    List<String> tags,
    List<String> models,
    String promptVersion,
    String environment,
    long inputTokens,
    long outputTokens,
    Double cost,
    int unpricedCalls) {

  public TraceSummary {
    tags = tags == null ? List.of() : List.copyOf(tags);
    models = models == null ? List.of() : List.copyOf(models);
  }
}
