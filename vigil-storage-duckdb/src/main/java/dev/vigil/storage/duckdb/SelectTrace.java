package dev.vigil.storage.duckdb;

import dev.vigil.model.Content;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trace (or span) with its content: the index says where each record sits in the log, the log
 * holds the record. Attachments (content sent as log events) fill a span's input or output when the
 * span itself carried none. Duplicate rows of one span (a retry that beat the de-duplication window)
 * are collapsed.
 */
final class SelectTrace {
  private static final Logger LOG = LoggerFactory.getLogger(SelectTrace.class);

  private SelectTrace() {}

  static List<Span> trace(Connection conn, SegmentReader reader, long projectId, String traceId, String spanId)
      throws SQLException {
    long hi = IdCodec.traceHi(traceId);
    long lo = IdCodec.traceLo(traceId);
    Map<Long, Span> spans = new LinkedHashMap<>();
    String sql = "SELECT seg_id, blk_off, blk_idx, span_id FROM span_index "
        + "WHERE project_id = ? AND trace_hi = ? AND trace_lo = ?" + (spanId == null ? "" : " AND span_id = ?")
        + " ORDER BY start_ns, span_id";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setLong(1, projectId);
      ps.setLong(2, hi);
      ps.setLong(3, lo);
      if (spanId != null) ps.setLong(4, IdCodec.span(spanId));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (spans.containsKey(rs.getLong(4))) continue;
          Span s = read(reader, new BlockRef(projectId, rs.getInt(1), rs.getLong(2)), rs.getInt(3), true);
          if (s != null) spans.put(rs.getLong(4), s);
        }
      }
    }
    if (spans.isEmpty()) return List.of();
    Map<String, List<SpanAttachment>> attachments = attachments(conn, reader, projectId, hi, lo);
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans.values()) out.add(merge(s, attachments.getOrDefault(s.spanId(), List.of())));
    return out;
  }

  /**
   * Content of many traces at once (text search): one index query for all their rows, then the log.
   * Attachments are not consulted here; search covers what spans themselves carry.
   */
  static Map<String, List<Span>> contents(Connection conn, SegmentReader reader, long projectId, List<String> traceIds)
      throws SQLException {
    Map<String, List<Span>> byTrace = new HashMap<>();
    if (traceIds.isEmpty()) return byTrace;
    List<Object> params = new ArrayList<>(List.of(projectId));
    String sql = "SELECT seg_id, blk_off, blk_idx FROM span_index WHERE project_id = ? AND "
        + Sql.traceIn(conn, "", traceIds.stream().map(IdCodec::traceHi).toList(),
            traceIds.stream().map(IdCodec::traceLo).toList(), params)
        + " ORDER BY seg_id, blk_off, blk_idx";
    java.util.Set<String> wanted = new java.util.HashSet<>(traceIds);
    try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Span s = read(reader, new BlockRef(projectId, rs.getInt(1), rs.getLong(2)), rs.getInt(3), true);
        // the wanted traces only, not another trace sharing a half with one of them
        if (s != null && wanted.contains(s.traceId())) byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
      }
    }
    return byTrace;
  }

  static Map<String, List<SpanAttachment>> attachments(Connection conn, SegmentReader reader,
      long projectId, long hi, long lo) throws SQLException {
    Map<String, List<SpanAttachment>> bySpan = new HashMap<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT seg_id, blk_off, blk_idx FROM attachment_index "
        + "WHERE project_id = ? AND trace_hi = ? AND trace_lo = ? ORDER BY time_ns")) {
      ps.setLong(1, projectId);
      ps.setLong(2, hi);
      ps.setLong(3, lo);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          SpanAttachment a = read(reader, new BlockRef(projectId, rs.getInt(1), rs.getLong(2)), rs.getInt(3), false);
          if (a != null) bySpan.computeIfAbsent(a.spanId(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    return bySpan;
  }

  @SuppressWarnings("unchecked")
  private static <T> T read(SegmentReader reader, BlockRef ref, int index, boolean span) {
    try {
      DecodedBlock block = reader.read(ref);
      return (T) (span ? block.span(index) : block.attachment(index));
    } catch (IOException | CorruptRecordException e) {
      // Retention may have removed the segment between the index read and this one.
      LOG.warn("cannot read record {} of {}: {}", index, ref, e.getMessage());
      return null;
    }
  }

  static Span merge(Span s, List<SpanAttachment> attachments) {
    if (attachments.isEmpty()) return s;
    List<SpanAttachment> ordered = new ArrayList<>(attachments);
    ordered.sort(Comparator.comparingLong(SpanAttachment::epochNanos));
    List<Message> input = new ArrayList<>();
    List<Message> output = new ArrayList<>();
    Map<String, Integer> pii = new HashMap<>(s.piiCounts());
    for (SpanAttachment a : ordered) {
      input.addAll(a.input());
      output.addAll(a.output());
      a.piiCounts().forEach((k, v) -> pii.merge(k, v, Integer::sum));
    }
    Content c = s.content();
    Content merged = new Content(c.input().isEmpty() ? input : c.input(), c.output().isEmpty() ? output : c.output(),
        c.documents(), c.inputValue(), c.outputValue());
    return s.withContent(merged, pii);
  }
}
