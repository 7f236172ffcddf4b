package dev.vigil.storage.duckdb;

import dev.vigil.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable write path. Request threads enqueue encoded blocks; one writer thread takes everything
 * queued, appends it to each project's active segment, calls fsync once per touched file, and only
 * then completes the callers' futures. Concurrent requests thus share one fsync (group commit), and
 * a completed future means the block survives a crash or power loss.
 *
 * <p>On an I/O error the group's callers fail (nothing acknowledged) and the segment is truncated back
 * to its last good length, so the log never holds a half-written block before a good one.
 */
final class GroupCommitLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);
  private static final int MAX_GROUP = 512;

  private final SegmentFiles files;
  private final long maxSegmentBytes;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Map<Long, Active> active = new HashMap<>(); // writer thread only
  private final Thread writer;
  private final Consumer<IndexWork> indexer;
  private volatile boolean running = true;
  private volatile IOException lastError;

  private record Pending(long projectId, byte[] block, IndexWork work, CompletableFuture<BlockRef> done) {}

  private static final class Active {
    final int segmentId;
    final FileChannel channel;
    long size;

    Active(int segmentId, FileChannel channel, long size) {
      this.segmentId = segmentId;
      this.channel = channel;
      this.size = size;
    }
  }

  GroupCommitLog(SegmentFiles files, long maxSegmentBytes, Consumer<IndexWork> indexer) {
    this.files = files;
    this.indexer = indexer;
    this.maxSegmentBytes = maxSegmentBytes;
    this.writer = Thread.ofPlatform().name("vigil-log-writer").daemon().unstarted(this::run);
  }

  /** Opens where recovery left each project: the last segment, positioned after its last good block. */
  void resume(long projectId, int segmentId, long validLength) throws IOException {
    FileChannel ch = files.openForAppend(projectId, segmentId);
    if (ch.size() != validLength) {
      LOG.warn("segment {} of project {}: truncating {} bytes of a torn write", segmentId, projectId,
          ch.size() - validLength);
      ch.truncate(validLength);
      ch.force(true);
    }
    ch.position(validLength);
    active.put(projectId, new Active(segmentId, ch, validLength));
  }

  void start() {
    writer.start();
  }

  long queuedBytes() {
    return queuedBytes.get();
  }

  IOException lastError() {
    return lastError;
  }

  /** Segment currently written for a project, or -1; retention must not delete it. */
  synchronized int activeSegment(long projectId) {
    Active a = active.get(projectId);
    return a == null ? -1 : a.segmentId;
  }

  /**
   * Queues a block; the future completes once it is durable. {@code work} (its index rows, located
   * later) goes to the indexer in log order before the future completes.
   */
  CompletableFuture<BlockRef> append(long projectId, byte[] block, IndexWork work) {
    CompletableFuture<BlockRef> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new StorageException("storage is closed"));
      return done;
    }
    queuedBytes.addAndGet(block.length);
    queue.add(new Pending(projectId, block, work, done));
    return done;
  }

  private void run() {
    List<Pending> group = new ArrayList<>(MAX_GROUP);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.error("log writer failed", e);
        for (Pending p : group) p.done.completeExceptionally(new StorageException("log writer failed", e));
      } finally {
        for (Pending p : group) queuedBytes.addAndGet(-p.block.length);
        group.clear();
      }
    }
  }

  private void commit(List<Pending> group) {
    Map<Pending, BlockRef> refs = new IdentityHashMap<>();
    Map<Long, List<Pending>> byProject = new HashMap<>();
    for (Pending p : group) byProject.computeIfAbsent(p.projectId, k -> new ArrayList<>()).add(p);
    for (var entry : byProject.entrySet()) {
      long projectId = entry.getKey();
      List<Pending> pendings = entry.getValue();
      Active seg = null;
      long goodSize = -1;
      try {
        synchronized (this) {
          seg = activeFor(projectId);
        }
        goodSize = seg.size;
        for (Pending p : pendings) {
          if (seg.size + p.block.length > maxSegmentBytes && seg.size > SegmentFiles.HEADER) {
            seg.channel.force(false);
            seg = roll(projectId, seg);
            goodSize = seg.size;
          }
          ByteBuffer buf = ByteBuffer.wrap(p.block);
          while (buf.hasRemaining()) seg.channel.write(buf);
          refs.put(p, new BlockRef(projectId, seg.segmentId, seg.size));
          seg.size += p.block.length;
        }
        seg.channel.force(false);
        for (Pending p : pendings) {
          BlockRef ref = refs.get(p);
          p.work.spans().placeAt(ref);
          p.work.attachments().placeAt(ref);
          indexer.accept(new IndexWork(projectId, ref, ref.offset() + p.block.length, p.work.spans(),
              p.work.attachments(), p.work.listenerSpans()));
          p.done.complete(ref);
        }
        lastError = null;
      } catch (IOException e) {
        lastError = e;
        LOG.error("could not append to the log of project {}", projectId, e);
        rollBack(seg, goodSize);
        for (Pending p : pendings) {
          if (!p.done.isDone()) p.done.completeExceptionally(new StorageException("could not write the log: " + e.getMessage(), e));
        }
      }
    }
  }

  private Active activeFor(long projectId) throws IOException {
    Active a = active.get(projectId);
    if (a == null) {
      List<Integer> existing = files.segments(projectId);
      int id = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
      a = new Active(id, files.create(projectId, id), SegmentFiles.HEADER);
      active.put(projectId, a);
    }
    return a;
  }

  private Active roll(long projectId, Active old) throws IOException {
    Active next = new Active(old.segmentId + 1, files.create(projectId, old.segmentId + 1), SegmentFiles.HEADER);
    synchronized (this) {
      active.put(projectId, next);
    }
    old.channel.close();
    return next;
  }

  /** Drops a failed group's partial writes so later blocks never follow a torn one. */
  private void rollBack(Active seg, long goodSize) {
    if (seg == null || goodSize < 0) return;
    try {
      seg.channel.truncate(goodSize);
      seg.channel.position(goodSize);
      seg.size = goodSize;
    } catch (IOException e) {
      LOG.error("could not truncate segment {} after a failed write", seg.segmentId, e);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      for (Active a : active.values()) {
        try {
          a.channel.force(true);
          a.channel.close();
        } catch (IOException e) {
          LOG.warn("closing segment {}", a.segmentId, e);
        }
      }
      active.clear();
    }
  }
}
