package dev.vigil.storage.duckdb;

import dev.vigil.model.Span;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On start, re-indexes every durable block past each project's checkpoint, and finds where the log
 * ends: the first block that fails its checks in the last segment is a torn write that was never
 * acknowledged, and the writer truncates it away before appending.
 */
final class LogRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

  private final SegmentFiles files;
  private final Connection conn;
  private final Indexer indexer;
  private final GroupCommitLog log;

  LogRecovery(SegmentFiles files, Connection conn, Indexer indexer, GroupCommitLog log) {
    this.files = files;
    this.conn = conn;
    this.indexer = indexer;
    this.log = log;
  }

  /** @return the number of blocks handed to the indexer */
  int recover() throws IOException, SQLException {
    int blocks = 0;
    for (long projectId : files.projects()) blocks += recover(projectId);
    if (blocks > 0) LOG.info("re-indexing {} blocks found past the checkpoint", blocks);
    return blocks;
  }

  private int recover(long projectId) throws IOException, SQLException {
    List<Integer> segments = files.segments(projectId);
    if (segments.isEmpty()) return 0;
    long[] checkpoint = checkpoint(projectId);
    int blocks = 0;
    int last = segments.get(segments.size() - 1);
    for (int segmentId : segments) {
      if (segmentId < checkpoint[0]) continue;
      long offset = segmentId == checkpoint[0] ? Math.max(checkpoint[1], SegmentFiles.HEADER) : SegmentFiles.HEADER;
      try (FileChannel ch = FileChannel.open(files.segment(projectId, segmentId), StandardOpenOption.READ)) {
        SegmentFiles.checkHeader(ch, files.segment(projectId, segmentId));
        long size = ch.size();
        while (true) {
          SegmentReader.Loaded loaded;
          try {
            loaded = SegmentReader.load(ch, offset, size);
          } catch (CorruptRecordException e) {
            if (segmentId != last) {
              LOG.error("segment {} of project {} is damaged at offset {} ({}); skipping its rest",
                  segmentId, projectId, offset, e.getMessage());
            }
            break;
          }
          if (loaded == null) break;
          submit(projectId, new BlockRef(projectId, segmentId, offset), loaded);
          blocks++;
          offset = loaded.nextOffset();
        }
      }
      if (segmentId == last) log.resume(projectId, segmentId, offset);
    }
    if (last < checkpoint[0]) LOG.warn("project {}: checkpoint is past the last segment", projectId);
    return blocks;
  }

  private void submit(long projectId, BlockRef ref, SegmentReader.Loaded loaded) {
    DecodedBlock block = loaded.block();
    SpanBatch spans = new SpanBatch(projectId, Math.max(1, block.size()));
    AttachmentBatch attachments = new AttachmentBatch(projectId, 1);
    List<Span> full = new ArrayList<>();
    long received = loaded.receivedNanos();
    for (int i = 0; i < block.size(); i++) {
      if (block.type(i) == RecordCodec.SPAN) {
        Span s = block.span(i);
        spans.add(s, i, received);
        full.add(s);
      } else {
        attachments.add(block.attachment(i), i, received);
      }
    }
    spans.placeAt(ref);
    attachments.placeAt(ref);
    indexer.reserve(spans.size + attachments.size);
    indexer.submit(new IndexWork(projectId, ref, loaded.nextOffset(), spans, attachments, indexer.forListeners(full)));
  }

  private long[] checkpoint(long projectId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT segment_id, block_offset FROM log_checkpoint WHERE project_id = ?")) {
      ps.setLong(1, projectId);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {0, 0};
      }
    }
  }
}
