package dev.vigil.storage.duckdb;

import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.model.SpanType;
import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.SpanFeed;
import dev.vigil.storage.StorageException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring queue is the span log itself: pages are read block by block from a cursor up to the
 * indexer's checkpoint, so everything returned is already queryable, nothing needs a second copy,
 * and a cursor saved in the database survives any restart. Segments removed by retention are
 * skipped. LLM spans whose content came separately (GenAI log events) get it from the index.
 */
final class LogFeed {
  /**
   * A page stops after this many bytes of decoded records (at least one block is read), whatever its
   * span limit: pages of thousands of spans are what make scoring cheap (one commit and one insert
   * each), and this keeps such a page of long prompts (tens of KB a span) from filling the heap.
   */
  static final int MAX_PAGE_BYTES = 16 << 20;

  private final Database db;
  private final SegmentFiles files;
  private final SegmentReader reader;

  LogFeed(Database db, SegmentFiles files, SegmentReader reader) {
    this.db = db;
    this.files = files;
    this.reader = reader;
  }

  SpanFeed read(long projectId, String cursor, int limit) {
    try {
      LogPosition end = indexedUpTo(projectId);
      LogPosition at = cursor == null ? first(projectId) : LogPosition.parse(cursor);
      if (end == null || at == null) return new SpanFeed(List.of(), cursor);
      List<Span> spans = new ArrayList<>();
      long bytes = 0;
      while (at.compareTo(end) < 0 && spans.size() < limit && bytes < MAX_PAGE_BYTES) {
        SegmentReader.Loaded block = exists(projectId, at.segment()) ? reader.scan(projectId, at.segment(), at.offset()) : null;
        if (block == null) { // end of a finished segment, or one retention removed
          Integer next = nextSegment(projectId, at.segment());
          if (next == null) break;
          at = new LogPosition(next, SegmentFiles.HEADER);
          continue;
        }
        DecodedBlock b = block.block();
        bytes += b.rawBytes();
        for (int i = 0; i < b.size(); i++) if (b.type(i) == RecordCodec.SPAN) spans.add(b.span(i));
        at = new LogPosition(at.segment(), block.nextOffset());
      }
      return new SpanFeed(withAttachments(projectId, spans), at.toString());
    } catch (IOException e) {
      throw new StorageException("reading the span log of project " + projectId + ": " + e.getMessage(), e);
    }
  }

  String head(long projectId) {
    LogPosition end = indexedUpTo(projectId);
    return end == null ? null : end.toString();
  }

  ScoringStore.Backlog backlog(long projectId, String cursor) {
    LogPosition from = cursor == null ? new LogPosition(0, 0) : LogPosition.parse(cursor);
    return db.read("scoring backlog", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(*), min(received_ns) FROM span_index "
          + "WHERE project_id = ? AND (seg_id > ? OR (seg_id = ? AND blk_off >= ?))")) {
        ps.setLong(1, projectId);
        ps.setLong(2, from.segment());
        ps.setLong(3, from.segment());
        ps.setLong(4, from.offset());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long n = rs.getLong(1);
          return new ScoringStore.Backlog(n, n == 0 ? null : rs.getLong(2));
        }
      }
    });
  }

  private LogPosition indexedUpTo(long projectId) {
    return db.read("log checkpoint", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT segment_id, block_offset FROM log_checkpoint WHERE project_id = ?")) {
        ps.setLong(1, projectId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? new LogPosition(rs.getInt(1), rs.getLong(2)) : null;
        }
      }
    });
  }

  private LogPosition first(long projectId) throws IOException {
    List<Integer> segments = files.segments(projectId);
    return segments.isEmpty() ? null : new LogPosition(segments.get(0), SegmentFiles.HEADER);
  }

  private boolean exists(long projectId, int segment) {
    return java.nio.file.Files.exists(files.segment(projectId, segment));
  }

  private Integer nextSegment(long projectId, int after) throws IOException {
    for (int id : files.segments(projectId)) if (id > after) return id;
    return null;
  }

  /** Content sent as log events lives apart from its span; scoring needs it on the span. */
  private List<Span> withAttachments(long projectId, List<Span> spans) {
    Set<String> traces = new LinkedHashSet<>();
    for (Span s : spans) if (s.type() == SpanType.LLM && s.content().isEmpty()) traces.add(s.traceId());
    if (traces.isEmpty()) return spans;
    return db.read("span attachments", conn -> {
      List<Span> out = new ArrayList<>(spans.size());
      java.util.Map<String, Map<String, List<SpanAttachment>>> byTrace = new java.util.HashMap<>();
      for (String t : traces) {
        byTrace.put(t, SelectTrace.attachments(conn, reader, projectId, IdCodec.traceHi(t), IdCodec.traceLo(t)));
      }
      for (Span s : spans) {
        Map<String, List<SpanAttachment>> a = byTrace.get(s.traceId());
        out.add(a == null || !s.content().isEmpty() ? s : SelectTrace.merge(s, a.getOrDefault(s.spanId(), List.of())));
      }
      return out;
    });
  }
}
