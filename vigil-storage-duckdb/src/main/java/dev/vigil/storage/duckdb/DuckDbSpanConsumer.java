package dev.vigil.storage.duckdb;

import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.storage.OverCapacityException;
import dev.vigil.storage.SpanConsumer;
import dev.vigil.storage.StorageException;
import dev.vigil.util.EpochNanos;
import dev.vigil.util.Parallel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Encodes a request's spans into one log block and its index rows on the caller's thread (so encoding
 * scales with request threads), then waits for the group commit. Sheds load with
 * {@link OverCapacityException} before writing anything when the indexer or the log is too far behind.
 */
final class DuckDbSpanConsumer implements SpanConsumer {
  private static final int PARALLEL_FROM = 128;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private static final long DURABLE_TIMEOUT_SECONDS = 60;

  private final GroupCommitLog log;
  private final Indexer indexer;
  private final Clock clock;
  private final long maxPendingRows;
  private final long maxQueuedBytes;

  DuckDbSpanConsumer(GroupCommitLog log, Indexer indexer, Clock clock, long maxPendingRows, long maxQueuedBytes) {
    this.log = log;
    this.indexer = indexer;
    this.clock = clock;
    this.maxPendingRows = maxPendingRows;
    this.maxQueuedBytes = maxQueuedBytes;
  }

  @Override
  public void accept(long projectId, List<Span> spans, List<SpanAttachment> attachments) {
    int rows = spans.size() + attachments.size();
    if (rows == 0) return;
    long pending = indexer.pendingRows();
    if (pending > 0 && pending + rows > maxPendingRows) { // an idle store takes even an oversized batch
      throw new OverCapacityException("indexing is " + pending + " rows behind; retry shortly", RETRY_AFTER);
    }
    if (log.queuedBytes() > maxQueuedBytes) {
      throw new OverCapacityException("the log writer is " + (log.queuedBytes() >> 20) + " MB behind; retry shortly", RETRY_AFTER);
    }
    long receivedNanos = EpochNanos.of(clock.instant());
    // A large request becomes two blocks encoded and compressed at once; both are durable before we return.
    List<List<Span>> parts = spans.size() >= PARALLEL_FROM ? Parallel.split(spans, 2) : List.of(spans);
    List<Encoded> encoded = Parallel.map(parts, part -> encode(projectId, part,
        part == parts.get(parts.size() - 1) ? attachments : List.of(), receivedNanos));
    CompletableFuture<?>[] durable = new CompletableFuture<?>[encoded.size()];
    for (int i = 0; i < durable.length; i++) {
      Encoded e = encoded.get(i);
      int partRows = e.spans.size + e.attachments.size;
      IndexWork work = new IndexWork(projectId, null, 0, e.spans, e.attachments, indexer.forListeners(parts.get(i)));
      indexer.reserve(partRows);
      durable[i] = log.append(projectId, e.block, work).whenComplete((ref, error) -> {
        if (error != null) indexer.release(partRows); // never reached the indexer
      });
    }
    try {
      CompletableFuture.allOf(durable).get(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StorageException se) throw se;
      throw new StorageException("could not store spans: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new StorageException("the log did not confirm the write within " + DURABLE_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while storing spans");
    }
  }

  record Encoded(byte[] block, SpanBatch spans, AttachmentBatch attachments) {}

  static Encoded encode(long projectId, List<Span> spans, List<SpanAttachment> attachments, long receivedNanos) {
    ByteWriter raw = Buffers.take(spans.size() * 1600 + attachments.size() * 600 + 64);
    try {
      SpanBatch spanRows = new SpanBatch(projectId, spans.size());
      AttachmentBatch attachmentRows = new AttachmentBatch(projectId, Math.max(1, attachments.size()));
      int index = 0;
      for (Span s : spans) {
        int at = raw.reserveLength();
        RecordCodec.writeSpan(raw, s);
        raw.patchLength(at);
        spanRows.add(s, index++, receivedNanos);
      }
      for (SpanAttachment a : attachments) {
        int at = raw.reserveLength();
        RecordCodec.writeAttachment(raw, a);
        raw.patchLength(at);
        attachmentRows.add(a, index++, receivedNanos);
      }
      if (raw.size() > Block.MAX_RAW) {
        throw new IllegalArgumentException("batch too large: " + (raw.size() >> 20) + " MB encoded, limit "
            + (Block.MAX_RAW >> 20) + " MB");
      }
      return new Encoded(Block.encode(raw.buf, raw.size(), index, receivedNanos), spanRows, attachmentRows);
    } finally {
      Buffers.give(raw);
    }
  }

}
