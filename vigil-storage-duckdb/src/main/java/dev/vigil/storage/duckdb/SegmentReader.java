package dev.vigil.storage.duckdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads blocks back: by reference for trace detail (positional reads, safe from many threads), and
 * sequentially for recovery. Recently read blocks are cached because a trace's spans usually share one.
 */
final class SegmentReader implements AutoCloseable {
  private static final int CACHE_BLOCKS = 32;

  private final SegmentFiles files;
  private final Map<String, FileChannel> channels = new ConcurrentHashMap<>();
  private final Map<BlockRef, DecodedBlock> cache = new LinkedHashMap<>(CACHE_BLOCKS * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<BlockRef, DecodedBlock> eldest) {
      return size() > CACHE_BLOCKS;
    }
  };

  SegmentReader(SegmentFiles files) {
    this.files = files;
  }

  DecodedBlock read(BlockRef ref) throws IOException {
    synchronized (cache) {
      DecodedBlock hit = cache.get(ref);
      if (hit != null) return hit;
    }
    FileChannel ch = channel(ref.projectId(), ref.segmentId());
    Loaded loaded = load(ch, ref.offset(), Long.MAX_VALUE);
    if (loaded == null) throw new CorruptRecordException("no block at " + ref);
    synchronized (cache) {
      cache.put(ref, loaded.block);
    }
    return loaded.block;
  }

  /**
   * Reads the block at {@code offset} without caching it (sequential scans), or null at the end of
   * the segment. The caller must stay below what the indexer has committed in the segment being
   * written.
   */
  Loaded scan(long projectId, int segmentId, long offset) throws IOException {
    return load(channel(projectId, segmentId), offset, Long.MAX_VALUE);
  }

  /** A block read during a scan, and where the next one starts. */
  record Loaded(DecodedBlock block, long nextOffset, long receivedNanos) {}

  /**
   * Reads the block at {@code offset}, or returns null at a clean end of file. Throws
   * {@link CorruptRecordException} for a torn or damaged block.
   */
  static Loaded load(FileChannel ch, long offset, long fileSize) throws IOException {
    long size = Math.min(fileSize, ch.size());
    if (offset >= size) return null;
    if (offset + Block.HEADER > size) throw new CorruptRecordException("truncated block header");
    ByteBuffer header = ByteBuffer.allocate(Block.HEADER);
    readFully(ch, header, offset);
    Block.Header h = Block.Header.parse(header);
    if (offset + Block.HEADER + h.storedLength() > size) throw new CorruptRecordException("truncated block");
    byte[] stored = new byte[h.storedLength()];
    readFully(ch, ByteBuffer.wrap(stored), offset + Block.HEADER);
    byte[] raw = Block.decode(h, stored);
    return new Loaded(new DecodedBlock(raw, h.recordCount()), offset + Block.HEADER + h.storedLength(),
        h.receivedNanos());
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) throw new CorruptRecordException("unexpected end of segment");
      pos += n;
    }
  }

  private FileChannel channel(long projectId, int segmentId) throws IOException {
    String key = projectId + "/" + segmentId;
    FileChannel ch = channels.get(key);
    if (ch != null && ch.isOpen()) return ch;
    try {
      ch = FileChannel.open(files.segment(projectId, segmentId), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new CorruptRecordException("segment " + segmentId + " of project " + projectId + " is gone");
    }
    FileChannel prev = channels.putIfAbsent(key, ch);
    if (prev != null && prev.isOpen()) {
      ch.close();
      return prev;
    }
    channels.put(key, ch);
    return ch;
  }

  /** Forgets a segment before it is deleted. */
  void evict(long projectId, int segmentId) {
    FileChannel ch = channels.remove(projectId + "/" + segmentId);
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing a read-only channel has nothing to flush
      }
    }
    synchronized (cache) {
      cache.keySet().removeIf(r -> r.projectId() == projectId && r.segmentId() == segmentId);
    }
  }

  @Override
  public void close() {
    for (FileChannel ch : channels.values()) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // read-only
      }
    }
    channels.clear();
  }
}
