package dev.vigil.storage.duckdb;

import dev.vigil.model.SpanAttachment;

/** Columns of {@code attachment_index}: where the log keeps content that arrived apart from its span. */
final class AttachmentBatch extends ColumnBatch {
  final Column.I64 project = add(new Column.I64("project_id"));
  final Column.I64 traceHi = add(new Column.I64("trace_hi"));
  final Column.I64 traceLo = add(new Column.I64("trace_lo"));
  final Column.I64 spanId = add(new Column.I64("span_id"));
  final Column.Str eventName = add(new Column.Str("event_name"));
  final Column.I64 time = add(new Column.I64("time_ns"));
  final Column.I64 received = add(new Column.I64("received_ns"));

  AttachmentBatch(long projectId, int expectedRows) {
    super(projectId, expectedRows);
  }

  void add(SpanAttachment a, int recordIndex, long receivedNanos) {
    int r = newRow(recordIndex);
    project.set(r, projectId);
    traceHi.set(r, IdCodec.traceHi(a.traceId()));
    traceLo.set(r, IdCodec.traceLo(a.traceId()));
    spanId.set(r, IdCodec.span(a.spanId()));
    eventName.set(r, a.eventName());
    time.set(r, a.epochNanos());
    received.set(r, receivedNanos);
  }
}
