package dev.vigil.storage.duckdb;

import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;

/** A block's raw records, with random access to record {@code i}. */
final class DecodedBlock {
  private final byte[] raw;
  private final int[] offsets;
  private final int[] lengths;

  DecodedBlock(byte[] raw, int recordCount) {
    this.raw = raw;
    int[][] bounds = Block.recordBounds(raw, recordCount);
    this.offsets = bounds[0];
    this.lengths = bounds[1];
  }

  int size() {
    return offsets.length;
  }

  int type(int i) {
    return raw[offsets[i]] & 0xFF;
  }

  Span span(int i) {
    ByteReader r = reader(i);
    if (r.readByte() != RecordCodec.SPAN) throw new CorruptRecordException("record " + i + " is not a span");
    return RecordCodec.readSpan(r);
  }

  SpanAttachment attachment(int i) {
    ByteReader r = reader(i);
    if (r.readByte() != RecordCodec.ATTACHMENT) {
      throw new CorruptRecordException("record " + i + " is not an attachment");
    }
    return RecordCodec.readAttachment(r);
  }

  int rawBytes() {
    return raw.length;
  }

  private ByteReader reader(int i) {
    if (i < 0 || i >= offsets.length) throw new CorruptRecordException("no record " + i + " in block");
    return new ByteReader(raw, offsets[i], lengths[i]);
  }
}
