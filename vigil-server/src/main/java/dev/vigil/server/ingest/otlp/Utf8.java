package dev.vigil.server.ingest.otlp;

/**
 * Allocation-free UTF-8 check (Unicode table 3-7: no overlongs, no surrogates, nothing above
 * U+10FFFF). Jackson would also notice most bad bytes, but with a parser message that does not say
 * what is wrong with the body, and it would accept UTF-16 by sniffing.
 */
final class Utf8 {
  private Utf8() {}

  /** Index of the first byte that is not part of valid UTF-8, or -1 when all of it is valid. */
  static int firstInvalid(byte[] b) {
    return firstInvalid(b, 0, b.length);
  }

  /** The same for {@code b[from, to)}; the index returned is into {@code b}. */
  static int firstInvalid(byte[] b, int from, int to) {
    int i = from;
    int n = to;
    while (i < n) {
      int c = b[i];
      if (c >= 0) { // ASCII, by far the common case
        i++;
        continue;
      }
      c &= 0xff;
      int len;
      int lo = 0x80;
      int hi = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
      } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0) lo = 0xa0;
        if (c == 0xed) hi = 0x9f; // no surrogates
      } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0) lo = 0x90;
        if (c == 0xf4) hi = 0x8f;
      } else {
        return i;
      }
      if (i + len > n) return i;
      int second = b[i + 1] & 0xff;
      if (second < lo || second > hi) return i;
      for (int k = 2; k < len; k++) {
        int cont = b[i + k] & 0xff;
        if (cont < 0x80 || cont > 0xbf) return i;
      }
      i += len;
    }
    return -1;
  }
}
