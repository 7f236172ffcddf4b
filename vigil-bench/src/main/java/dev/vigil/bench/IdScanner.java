package dev.vigil.bench;

import java.util.Arrays;

/**
 * Walks the protobuf wire format of an ExportTraceServiceRequest and records where each span's
 * trace_id (field 1), span_id (2) and parent_span_id (4) bytes start. Exact, unlike searching for
 * byte patterns, and it runs once per pooled batch, before timing.
 */
record IdScanner(int[] traceIds, int[] spanIds) {
  private static final int LEN = 2;

  static IdScanner scan(byte[] body) {
    Acc acc = new Acc();
    // request.resource_spans(1) → scope_spans(2) → spans(2)
    new Reader(body, 0, body.length).each(1, rs -> rs.each(2, ss -> ss.each(2, span -> span.fields(acc))));
    return new IdScanner(Arrays.copyOf(acc.trace, acc.nTrace), Arrays.copyOf(acc.span, acc.nSpan));
  }

  private static final class Acc {
    int[] trace = new int[64];
    int[] span = new int[128];
    int nTrace;
    int nSpan;

    void trace(int off) {
      if (nTrace == trace.length) trace = Arrays.copyOf(trace, nTrace * 2);
      trace[nTrace++] = off;
    }

    void span(int off) {
      if (nSpan == span.length) span = Arrays.copyOf(span, nSpan * 2);
      span[nSpan++] = off;
    }
  }

  private static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;

    Reader(byte[] b, int from, int to) {
      this.b = b;
      this.pos = from;
      this.end = to;
    }

    /** Calls {@code nested} for every length-delimited occurrence of {@code field}; skips the rest. */
    void each(int field, java.util.function.Consumer<Reader> nested) {
      while (pos < end) {
        long tag = varint();
        int wireType = (int) (tag & 7);
        if ((tag >>> 3) == field && wireType == LEN) {
          int len = (int) varint();
          nested.accept(new Reader(b, pos, pos + len));
          pos += len;
        } else {
          skip(wireType);
        }
      }
    }

    void fields(Acc acc) {
      while (pos < end) {
        long tag = varint();
        int field = (int) (tag >>> 3);
        int wireType = (int) (tag & 7);
        if (wireType == LEN && (field == 1 || field == 2 || field == 4)) {
          int len = (int) varint();
          if (field == 1 && len == 16) acc.trace(pos);
          else if (field != 1 && len == 8) acc.span(pos);
          pos += len;
        } else {
          skip(wireType);
        }
      }
    }

    private void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case LEN -> {
          int len = (int) varint();
          pos += len;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalStateException("unexpected wire type " + wireType + " at " + pos);
      }
    }

    private long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) return v;
      }
    }
  }
}
