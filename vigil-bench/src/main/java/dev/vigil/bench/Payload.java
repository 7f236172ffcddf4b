package dev.vigil.bench;

/**
 * One pre-encoded request body plus where its ids sit, so each send can make the ids unique by
 * XOR-ing its send number into the high half of every id: cheap (a few thousand byte writes per
 * 512 spans) and parent links survive because span id and parent id get the same stamp.
 */
record Payload(byte[] body, int[] traceIdOffsets, int[] spanIdOffsets, boolean hex, int spans) {

  /** Copies the body into {@code scratch} with send number {@code send} stamped in; returns the length. */
  int stamp(long send, byte[] scratch) {
    System.arraycopy(body, 0, scratch, 0, body.length);
    for (int off : traceIdOffsets) {
      if (hex) writeHex(scratch, off, readHex(body, off, 16) ^ send, 16);
      else writeLong(scratch, off, readLong(body, off) ^ send);
    }
    long low32 = send & 0xffffffffL;
    for (int off : spanIdOffsets) {
      if (hex) writeHex(scratch, off, readHex(body, off, 8) ^ low32, 8);
      else writeInt(scratch, off, (int) (readInt(body, off) ^ low32));
    }
    return body.length;
  }

  private static long readLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xff);
    return v;
  }

  private static void writeLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--, v >>>= 8) b[off + i] = (byte) v;
  }

  private static long readInt(byte[] b, int off) {
    return readLong(new byte[] {0, 0, 0, 0, b[off], b[off + 1], b[off + 2], b[off + 3]}, 0);
  }

  private static void writeInt(byte[] b, int off, int v) {
    for (int i = 3; i >= 0; i--, v >>>= 8) b[off + i] = (byte) v;
  }

  private static long readHex(byte[] b, int off, int chars) {
    long v = 0;
    for (int i = 0; i < chars; i++) v = (v << 4) | Character.digit(b[off + i], 16);
    return v;
  }

  private static void writeHex(byte[] b, int off, long v, int chars) {
    for (int i = chars - 1; i >= 0; i--, v >>>= 4) b[off + i] = (byte) Character.forDigit((int) (v & 0xf), 16);
  }
}
