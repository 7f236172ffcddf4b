package dev.vigil.storage.duckdb;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote; throws {@link CorruptRecordException} on truncated input. */
final class ByteReader {
  private final byte[] buf;
  private int pos;
  private final int limit;

  ByteReader(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return limit - pos;
  }

  boolean hasRemaining() {
    return pos < limit;
  }

  void skip(int n) {
    if (n < 0 || pos + n > limit) throw new CorruptRecordException("record runs past its block");
    pos += n;
  }

  int readIntLE() {
    if (pos + 4 > limit) throw new CorruptRecordException("record truncated");
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  int readByte() {
    if (pos >= limit) throw new CorruptRecordException("record truncated");
    return buf[pos++] & 0xFF;
  }

  long readVarLong() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return result;
    }
    throw new CorruptRecordException("varint too long");
  }

  long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  int readVarInt() {
    long v = readVarLong();
    if (v < 0 || v > Integer.MAX_VALUE) throw new CorruptRecordException("length out of range: " + v);
    return (int) v;
  }

  double readDouble() {
    if (pos + 8 > limit) throw new CorruptRecordException("record truncated");
    long bits = 0;
    for (int i = 0; i < 8; i++) bits |= (long) (buf[pos++] & 0xFF) << (8 * i);
    return Double.longBitsToDouble(bits);
  }

  String readString() {
    int n = readVarInt();
    if (n == 0) return null;
    int len = n - 1;
    if (pos + len > limit) throw new CorruptRecordException("string runs past the record");
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  Long readOptionalLong() {
    return readByte() == 0 ? null : readSignedVarLong();
  }

  Double readOptionalDouble() {
    return readByte() == 0 ? null : readDouble();
  }

  boolean readBoolean() {
    return readByte() != 0;
  }
}
