package dev.vigil.storage.duckdb;

/**
 * One durable block on its way into the index: its rows, where it sits in the log, and where the
 * next block starts (the checkpoint once this one is indexed). {@code listenerSpans} is what the
 * listeners will be given ({@link Indexer#forListeners}), null when none wants spans.
 */
record IndexWork(
    long projectId,
    BlockRef ref,
    long nextOffset,
    SpanBatch spans,
    AttachmentBatch attachments,
    ListenerSpans listenerSpans) {

  int rows() {
    return spans.size + attachments.size;
  }

  /** Earliest span start or attachment time in the block: what retention compares. */
  long minTime() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < spans.size; i++) min = Math.min(min, spans.start.values[i]);
    for (int i = 0; i < attachments.size; i++) min = Math.min(min, attachments.time.values[i]);
    return min;
  }

  long maxTime() {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < spans.size; i++) max = Math.max(max, spans.start.values[i]);
    for (int i = 0; i < attachments.size; i++) max = Math.max(max, attachments.time.values[i]);
    return max;
  }
}
