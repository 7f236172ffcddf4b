package dev.vigil.storage.duckdb;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A few reusable buffers for encoding blocks. A request's raw block is ~0.7 MB; allocating it (and
 * the compressor's output) per request made them humongous objects for G1 and drove old-generation
 * collections under load. Buffers above {@link #KEEP_MAX} are not kept, so one huge request cannot pin
 * memory.
 */
final class Buffers {
  private static final int KEEP_MAX = 8 << 20;
  private static final ArrayBlockingQueue<ByteWriter> POOL = new ArrayBlockingQueue<>(16);

  private Buffers() {}

  /** A cleared buffer with at least {@code capacity} bytes. */
  static ByteWriter take(int capacity) {
    ByteWriter w = POOL.poll();
    if (w == null) w = new ByteWriter(capacity);
    w.reset();
    w.ensure(capacity);
    return w;
  }

  static void give(ByteWriter w) {
    if (w.buf.length <= KEEP_MAX) POOL.offer(w);
  }
}
